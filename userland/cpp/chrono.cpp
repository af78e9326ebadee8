// <chrono>: type-safe durations, steady_clock for measuring elapsed time
// (never goes backwards) and sleeping with std::this_thread::sleep_for.
//
// Run: lkmc run --userland userland/cpp/chrono.cpp --arch aarch64
#include <chrono>
#include <iostream>
#include <thread>

#include <lkmc.h>

int main() {
    using namespace std::chrono;
    using namespace std::chrono_literals;

    // Conversions between units are checked at compile time.
    milliseconds ms = 2s;
    LKMC_ASSERT_EQ(ms.count(), 2000);
    LKMC_ASSERT_EQ(duration_cast<seconds>(2500ms).count(), 2);
    LKMC_ASSERT_EQ((1h + 30min).count(), 90);

    auto t0 = steady_clock::now();
    std::this_thread::sleep_for(20ms);
    auto elapsed = steady_clock::now() - t0;
    auto got = duration_cast<milliseconds>(elapsed).count();
    std::cout << "slept " << got << " ms" << std::endl;
    LKMC_ASSERT(elapsed >= 20ms);
    LKMC_ASSERT(steady_clock::is_steady);
    auto since_epoch = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    // After 2020-01-01.
    LKMC_ASSERT(since_epoch > 1577836800);
}
