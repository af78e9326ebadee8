/* Interval timers: setitimer(ITIMER_REAL) delivers SIGALRM periodically;
 * here every 10 ms, until 5 ticks have been counted in the handler.
 *
 * Run: lkmc run --userland userland/posix/setitimer.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <lkmc.h>

static volatile sig_atomic_t ticks;

static void on_alarm(int sig) {
    (void)sig;
    ticks++;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    LKMC_SYS(sigaction(SIGALRM, &sa, NULL));
    struct itimerval it = {{0, 10000}, {0, 10000}};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    LKMC_SYS(setitimer(ITIMER_REAL, &it, NULL));
    while (ticks < 5)
        pause();
    clock_gettime(CLOCK_MONOTONIC, &t1);
    /* Disarm. */
    memset(&it, 0, sizeof it);
    LKMC_SYS(setitimer(ITIMER_REAL, &it, NULL));
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("%d ticks in %ld ms\n", (int)ticks, ms);
    LKMC_ASSERT(ms >= 40);
    /* alarm() is the seconds-granularity one-shot version; 0 cancels. */
    LKMC_ASSERT_EQ(alarm(10), 0);
    LKMC_ASSERT_EQ(alarm(0), 10);
    return 0;
}
