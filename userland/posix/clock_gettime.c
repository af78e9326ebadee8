/* clock_gettime: CLOCK_REALTIME (wall clock, can jump), CLOCK_MONOTONIC
 * (never goes back), CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID
 * (CPU time used), and their resolutions (clock_getres).
 *
 * Run: lkmc run --userland userland/posix/clock_gettime.c --arch aarch64
 */
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

#include <lkmc.h>

static long long ns(const struct timespec *t) {
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void) {
    struct timespec real, mono, mono2, cpu, cpu2, res;
    LKMC_SYS(clock_gettime(CLOCK_REALTIME, &real));
    LKMC_SYS(clock_gettime(CLOCK_MONOTONIC, &mono));
    LKMC_SYS(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu));
    printf("realtime %lld.%09ld\nmonotonic %lld.%09ld\n",
            (long long)real.tv_sec, real.tv_nsec, (long long)mono.tv_sec, mono.tv_nsec);
    LKMC_ASSERT(real.tv_nsec >= 0 && real.tv_nsec < 1000000000);
    /* Wall clock after 2020-01-01. */
    LKMC_ASSERT(real.tv_sec > 1577836800);

    /* Burn some CPU: both clocks advance. */
    volatile unsigned long x = 0;
    for (unsigned long i = 0; i < 5000000; i++)
        x += i;
    LKMC_SYS(clock_gettime(CLOCK_MONOTONIC, &mono2));
    LKMC_SYS(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu2));
    LKMC_ASSERT(ns(&mono2) >= ns(&mono));
    LKMC_ASSERT(ns(&cpu2) > ns(&cpu));
    printf("busy loop: %lld ns wall, %lld ns CPU\n", ns(&mono2) - ns(&mono), ns(&cpu2) - ns(&cpu));

    LKMC_SYS(clock_getres(CLOCK_MONOTONIC, &res));
    LKMC_ASSERT(ns(&res) > 0 && ns(&res) <= 10000000);

    /* gettimeofday is the older microsecond interface to the same clock. */
    struct timeval tv;
    LKMC_SYS(gettimeofday(&tv, NULL));
    LKMC_ASSERT(tv.tv_sec >= real.tv_sec);
    LKMC_ASSERT(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    return 0;
}
