// std::condition_variable: a producer/consumer queue. The consumer waits
// (releasing the mutex) until the predicate holds; notify wakes it.
//
// Run: lkmc run --userland userland/cpp/condition_variable.cpp --arch aarch64
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <queue>
#include <thread>

#include <lkmc.h>

int main() {
    std::mutex m;
    std::condition_variable cv;
    std::queue<int> q;
    bool done = false;
    const int n = 1000;

    std::thread producer([&] {
        for (int i = 1; i <= n; i++) {
            {
                std::lock_guard<std::mutex> lock(m);
                q.push(i);
            }
            cv.notify_one();
        }
        {
            std::lock_guard<std::mutex> lock(m);
            done = true;
        }
        cv.notify_one();
    });

    long sum = 0;
    int received = 0;
    for (;;) {
        std::unique_lock<std::mutex> lock(m);
        // The predicate form also handles spurious wakeups.
        cv.wait(lock, [&] { return !q.empty() || done; });
        while (!q.empty()) {
            sum += q.front();
            q.pop();
            received++;
        }
        if (done)
            break;
    }
    producer.join();
    LKMC_ASSERT_EQ(received, n);
    LKMC_ASSERT_EQ(sum, (long)n * (n + 1) / 2);
    std::cout << "received " << received << " items, sum " << sum << std::endl;
}
