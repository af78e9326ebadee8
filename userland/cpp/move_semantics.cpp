// Move semantics: rvalue references let an object steal another's resources
// instead of copying them. std::move is just a cast; the moved-from object
// is left valid but unspecified (empty for the standard containers).
//
// Run: lkmc run --userland userland/cpp/move_semantics.cpp --arch aarch64
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <lkmc.h>

static int copies, moves;

struct Buffer {
    std::vector<int> data;
    Buffer() = default;
    explicit Buffer(std::size_t n) : data(n) {}
    Buffer(const Buffer &o) : data(o.data) { copies++; }
    Buffer(Buffer &&o) noexcept : data(std::move(o.data)) { moves++; }
    Buffer &operator=(const Buffer &o) { data = o.data; copies++; return *this; }
    Buffer &operator=(Buffer &&o) noexcept { data = std::move(o.data); moves++; return *this; }
};

static Buffer make(std::size_t n) {
    Buffer b(n);
    return b;  // moved or elided, never copied
}

int main() {
    Buffer a(1000);
    const int *storage = a.data.data();
    Buffer b = a;
    LKMC_ASSERT_EQ(copies, 1);
    Buffer c = std::move(a);
    LKMC_ASSERT_EQ(moves, 1);
    // c took a's heap storage; a is empty now.
    LKMC_ASSERT(c.data.data() == storage);
    LKMC_ASSERT(a.data.empty());

    Buffer d = make(10);
    LKMC_ASSERT_EQ(copies, 1);
    LKMC_ASSERT_EQ(d.data.size(), 10);

    // vector growth moves the elements because the move constructor is noexcept.
    std::vector<Buffer> v;
    v.emplace_back(1);
    int before = moves;
    for (int i = 0; i < 10; i++)
        v.emplace_back(1);
    LKMC_ASSERT(moves > before);
    LKMC_ASSERT_EQ(copies, 1);

    std::string s = "a long string that does not fit in the small buffer";
    std::string t = std::move(s);
    LKMC_ASSERT(s.empty());
    std::cout << "copies " << copies << ", moves " << moves << std::endl;
}
