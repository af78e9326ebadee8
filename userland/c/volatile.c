/* volatile: every access in the source is performed, in order, which is
 * what memory-mapped registers and variables changed by signal handlers need.
 * sig_atomic_t is the type a handler may safely write.
 *
 * Run: lkmc run --userland userland/c/volatile.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>

#include <lkmc.h>

static volatile sig_atomic_t stop;

static void on_alarm(int sig) {
    (void)sig;
    stop = 1;
}

int main(void) {
    unsigned long spins = 0;
    struct itimerval t = {.it_value = {.tv_sec = 0, .tv_usec = 50000}};
    signal(SIGALRM, on_alarm);
    LKMC_ASSERT_EQ(setitimer(ITIMER_REAL, &t, NULL), 0);
    /* Without volatile, an optimizing compiler may read stop only once and
     * spin forever. */
    while (!stop)
        spins++;
    LKMC_ASSERT(spins > 0);
    printf("spun %lu times before the timer fired\n", spins);
    return 0;
}
