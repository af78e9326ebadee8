// std::thread::hardware_concurrency: how many threads can run at once (the
// number of CPUs this process may use; 0 if unknown). Compared with what
// sysconf reports.
//
// Run: lkmc run --userland userland/cpp/thread_hardware_concurrency.cpp --arch aarch64
#include <iostream>
#include <thread>

#include <unistd.h>

#include <lkmc.h>

int main() {
    unsigned n = std::thread::hardware_concurrency();
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    std::cout << "hardware_concurrency " << n << ", online CPUs " << online << std::endl;
    LKMC_ASSERT(n >= 1);
    LKMC_ASSERT(online >= 1);
    // libstdc++ counts the CPUs in the affinity mask: at most the online ones.
    LKMC_ASSERT(n <= (unsigned)online);
}
