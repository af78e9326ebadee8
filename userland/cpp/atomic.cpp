// std::atomic: lock-free shared counters, compare_exchange, and a spinlock
// built from std::atomic_flag, all used from several threads.
//
// Run: lkmc run --userland userland/cpp/atomic.cpp --arch aarch64
#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

#include <lkmc.h>

class Spinlock {
    std::atomic_flag flag = ATOMIC_FLAG_INIT;
public:
    void lock() { while (flag.test_and_set(std::memory_order_acquire)) {} }
    void unlock() { flag.clear(std::memory_order_release); }
};

int main() {
    const int nthreads = 4, niters = 20000;
    std::atomic<long> counter{0};
    std::atomic<long> cas_counter{0};
    long locked_counter = 0;
    Spinlock lock;
    std::vector<std::thread> threads;
    for (int t = 0; t < nthreads; t++) {
        threads.emplace_back([&] {
            for (int i = 0; i < niters; i++) {
                counter.fetch_add(1, std::memory_order_relaxed);
                // An increment written as a compare_exchange loop.
                long old = cas_counter.load();
                while (!cas_counter.compare_exchange_weak(old, old + 1)) {}
                lock.lock();
                locked_counter++;
                lock.unlock();
            }
        });
    }
    for (auto &th : threads)
        th.join();
    LKMC_ASSERT_EQ(counter.load(), nthreads * niters);
    LKMC_ASSERT_EQ(cas_counter.load(), nthreads * niters);
    LKMC_ASSERT_EQ(locked_counter, nthreads * niters);
    LKMC_ASSERT(counter.is_lock_free());
    std::cout << "atomic counter " << counter << std::endl;
}
