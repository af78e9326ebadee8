/* timerfd: a timer delivered through a file descriptor instead of a signal.
 * read returns the number of expirations since the last read, so none are
 * lost even if the reader is late.
 *
 * Run: lkmc run --userland userland/linux/timerfd.c --arch aarch64
 */
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int fd = LKMC_SYS(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC));
    /* First expiry after 10 ms, then every 10 ms. */
    struct itimerspec its = {{0, 10000000}, {0, 10000000}}, cur;
    LKMC_SYS(timerfd_settime(fd, 0, &its, NULL));
    uint64_t total = 0, n;
    while (total < 3) {
        LKMC_ASSERT_EQ(read(fd, &n, sizeof n), sizeof n);
        LKMC_ASSERT(n >= 1);
        total += n;
    }
    /* Sleep through several periods: one read reports them all. */
    struct timespec ts = {0, 55000000};
    nanosleep(&ts, NULL);
    LKMC_ASSERT_EQ(read(fd, &n, sizeof n), sizeof n);
    printf("%llu expirations after sleeping 55 ms\n", (unsigned long long)n);
    LKMC_ASSERT(n >= 4);

    LKMC_SYS(timerfd_gettime(fd, &cur));
    LKMC_ASSERT_EQ(cur.it_interval.tv_nsec, 10000000);
    /* Disarm: nothing becomes readable any more. */
    its = (struct itimerspec){{0, 0}, {0, 0}};
    LKMC_SYS(timerfd_settime(fd, 0, &its, NULL));
    struct pollfd p = {fd, POLLIN, 0};
    LKMC_ASSERT_EQ(poll(&p, 1, 30), 0);
    close(fd);
    return 0;
}
