/* Blocking signals: a blocked signal stays pending (sigpending) instead of
 * being delivered, and is delivered as soon as it is unblocked. Standard
 * signals do not queue: two sends while blocked give one delivery; real-time
 * signals (SIGRTMIN+n) do queue.
 *
 * Run: lkmc run --userland userland/posix/sigprocmask.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lkmc.h>

static volatile sig_atomic_t usr1, rt;

static void on_usr1(int sig) { (void)sig; usr1++; }
static void on_rt(int sig) { (void)sig; rt++; }

int main(void) {
    sigset_t set, pending;
    signal(SIGUSR1, on_usr1);
    signal(SIGRTMIN, on_rt);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN);
    LKMC_SYS(sigprocmask(SIG_BLOCK, &set, NULL));

    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    union sigval v = {0};
    sigqueue(getpid(), SIGRTMIN, v);
    sigqueue(getpid(), SIGRTMIN, v);
    sigqueue(getpid(), SIGRTMIN, v);
    LKMC_ASSERT_EQ(usr1, 0);
    LKMC_ASSERT_EQ(rt, 0);
    LKMC_SYS(sigpending(&pending));
    LKMC_ASSERT(sigismember(&pending, SIGUSR1));
    LKMC_ASSERT(sigismember(&pending, SIGRTMIN));

    LKMC_SYS(sigprocmask(SIG_UNBLOCK, &set, NULL));
    LKMC_ASSERT_EQ(usr1, 1);
    LKMC_ASSERT_EQ(rt, 3);
    LKMC_SYS(sigpending(&pending));
    LKMC_ASSERT(!sigismember(&pending, SIGUSR1));
    printf("SIGUSR1 delivered %d time(s), SIGRTMIN %d time(s)\n", (int)usr1, (int)rt);
    return 0;
}
