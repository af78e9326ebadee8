/* time.h: time() (seconds since the epoch), gmtime/strftime to break it
 * down, mktime-free arithmetic with difftime, and clock() for CPU time.
 *
 * Run: lkmc run --userland userland/c/time.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <lkmc.h>

int main(void) {
    time_t now = time(NULL);
    time_t again;
    LKMC_ASSERT(now != (time_t)-1);
    /* time(&t) also stores the value. */
    time(&again);
    LKMC_ASSERT(again >= now);
    LKMC_ASSERT(difftime(again, now) >= 0);
    printf("time() = %lld\n", (long long)now);

    /* A fixed date: 86400 * 365 seconds after the epoch is 1971-01-01. */
    time_t t = 86400 * 365;
    struct tm tm;
    LKMC_ASSERT(gmtime_r(&t, &tm) != NULL);
    LKMC_ASSERT_EQ(tm.tm_year, 71);
    LKMC_ASSERT_EQ(tm.tm_mon, 0);
    LKMC_ASSERT_EQ(tm.tm_mday, 1);
    LKMC_ASSERT_EQ(tm.tm_wday, 5);  /* a Friday */
    char buf[32];
    LKMC_ASSERT_EQ(strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm), 19);
    LKMC_ASSERT_STREQ(buf, "1971-01-01 00:00:00");

    /* clock(): processor time used, never negative and non-decreasing. */
    clock_t c0 = clock();
    volatile unsigned long i, x = 0;
    for (i = 0; i < 1000000; i++)
        x += i;
    clock_t c1 = clock();
    LKMC_ASSERT(c0 != (clock_t)-1);
    LKMC_ASSERT(c1 >= c0);
    return 0;
}
