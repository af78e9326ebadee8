// Static and thread-local initialization: global constructors run before
// main and destructors after it; function-local statics are initialized on
// first use, exactly once even with threads (a "magic static").
//
// Run: lkmc run --userland userland/cpp/static_initialization.cpp --arch aarch64
#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

#include <lkmc.h>

static int order;
static int global_ctor_order;

struct Global {
    Global() { global_ctor_order = ++order; }
};
static Global global;

static std::atomic<int> constructions{0};

struct Expensive {
    Expensive() { constructions++; }
};

static Expensive &instance() {
    static Expensive e;
    return e;
}

static thread_local int per_thread = 0;

int main() {
    // The global was constructed before main started.
    LKMC_ASSERT_EQ(global_ctor_order, 1);

    std::vector<std::thread> threads;
    std::vector<Expensive *> seen(8);
    std::vector<int> tl(8);
    for (int i = 0; i < 8; i++)
        threads.emplace_back([&, i] {
            seen[i] = &instance();
            per_thread += i;
            tl[i] = per_thread;
        });
    for (auto &t : threads)
        t.join();
    LKMC_ASSERT_EQ(constructions.load(), 1);
    for (int i = 0; i < 8; i++) {
        LKMC_ASSERT(seen[i] == seen[0]);
        // Each thread had its own per_thread starting at 0.
        LKMC_ASSERT_EQ(tl[i], i);
    }
    LKMC_ASSERT_EQ(per_thread, 0);
    std::cout << "static initialization ok" << std::endl;
}
