// std::thread and std::mutex: threads incrementing a shared counter under a
// lock_guard get an exact total.
//
// Run: lkmc run --userland userland/cpp/thread.cpp --arch aarch64
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include <lkmc.h>

int main() {
    const int nthreads = 4, niters = 10000;
    long counter = 0;
    std::mutex m;
    std::vector<std::thread> threads;
    std::vector<std::thread::id> ids(nthreads);
    for (int t = 0; t < nthreads; t++) {
        threads.emplace_back([&, t] {
            ids[t] = std::this_thread::get_id();
            for (int i = 0; i < niters; i++) {
                std::lock_guard<std::mutex> lock(m);
                counter++;
            }
        });
    }
    for (auto &th : threads)
        th.join();
    LKMC_ASSERT_EQ(counter, nthreads * niters);
    // Every thread had its own id, different from main's.
    for (int t = 0; t < nthreads; t++) {
        LKMC_ASSERT(ids[t] != std::this_thread::get_id());
        for (int u = t + 1; u < nthreads; u++)
            LKMC_ASSERT(ids[t] != ids[u]);
    }
    // try_lock fails while another owner holds the mutex.
    m.lock();
    bool got = true;
    std::thread([&] { got = m.try_lock(); }).join();
    m.unlock();
    LKMC_ASSERT(!got);
    std::cout << "counter " << counter << std::endl;
}
