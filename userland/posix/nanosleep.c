/* nanosleep: sleep for at least the requested time (here 50 ms), measured
 * with CLOCK_MONOTONIC. If a signal interrupts it, it fails with EINTR and
 * reports the time left.
 *
 * Run: lkmc run --userland userland/posix/nanosleep.c --arch aarch64
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

#include <lkmc.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void on_alarm(int sig) { (void)sig; }

int main(void) {
    struct timespec req = {0, 50 * 1000 * 1000}, rem;
    long long t0 = now_ns();
    LKMC_SYS(nanosleep(&req, NULL));
    long long slept = now_ns() - t0;
    printf("asked 50 ms, slept %lld us\n", slept / 1000);
    LKMC_ASSERT(slept >= 50 * 1000 * 1000);

    /* Interrupted after 20 ms by SIGALRM (a handler that returns, without
     * SA_RESTART: nanosleep is never restarted anyway). */
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {.it_value = {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    req.tv_sec = 5;
    req.tv_nsec = 0;
    LKMC_ASSERT_EQ(nanosleep(&req, &rem), -1);
    LKMC_ASSERT_EQ(errno, EINTR);
    LKMC_ASSERT(rem.tv_sec >= 3 && rem.tv_sec <= 5);
    printf("interrupted with %lld.%09ld s left\n", (long long)rem.tv_sec, rem.tv_nsec);
    return 0;
}
