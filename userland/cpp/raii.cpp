// RAII: a resource is acquired in a constructor and released in the
// destructor, which runs when the object goes out of scope, including
// during exception unwinding. Destruction is in reverse order of construction.
//
// Run: lkmc run --userland userland/cpp/raii.cpp --arch aarch64
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>

#include <lkmc.h>

static std::string events;

class Resource {
    char name;
public:
    explicit Resource(char n) : name(n) { events += '+'; events += name; }
    ~Resource() { events += '-'; events += name; }
    Resource(const Resource &) = delete;
    Resource &operator=(const Resource &) = delete;
};

// A file handle that closes itself.
class File {
    std::FILE *f;
public:
    explicit File(const char *path) : f(std::tmpfile()) {
        (void)path;
        if (!f) throw std::runtime_error("tmpfile failed");
    }
    ~File() { std::fclose(f); }
    std::FILE *get() const { return f; }
};

static void may_throw(bool do_throw) {
    Resource c('c');
    if (do_throw)
        throw std::runtime_error("boom");
}

int main() {
    {
        Resource a('a');
        Resource b('b');
    }
    LKMC_ASSERT_STREQ(events.c_str(), "+a+b-b-a");

    events.clear();
    try {
        may_throw(true);
    } catch (const std::exception &) {
        events += '!';
    }
    // c was destroyed during unwinding, before the handler ran.
    LKMC_ASSERT_STREQ(events.c_str(), "+c-c!");

    {
        File f("scratch");
        LKMC_ASSERT(std::fputs("data", f.get()) >= 0);
    }
    std::cout << "raii ok" << std::endl;
}
