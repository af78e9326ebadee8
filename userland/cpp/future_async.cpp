// std::async and std::future: run a function on another thread and collect
// its result (or its exception) later with get(). std::promise sets a future
// by hand.
//
// Run: lkmc run --userland userland/cpp/future_async.cpp --arch aarch64
#include <future>
#include <iostream>
#include <stdexcept>
#include <thread>

#include <lkmc.h>

static long sum_to(long n) {
    long s = 0;
    for (long i = 1; i <= n; i++)
        s += i;
    return s;
}

int main() {
    auto f1 = std::async(std::launch::async, sum_to, 1000);
    auto f2 = std::async(std::launch::async, sum_to, 2000);
    LKMC_ASSERT_EQ(f1.get() + f2.get(), 500500 + 2001000);

    // An exception thrown in the task is rethrown by get().
    auto bad = std::async(std::launch::async, [] () -> int { throw std::runtime_error("in task"); });
    bool caught = false;
    try {
        bad.get();
    } catch (const std::runtime_error &e) {
        caught = true;
    }
    LKMC_ASSERT(caught);

    std::promise<int> p;
    std::future<int> f = p.get_future();
    std::thread t([&p] { p.set_value(42); });
    LKMC_ASSERT_EQ(f.get(), 42);
    t.join();
    std::cout << "future ok" << std::endl;
}
