/* sigaction with SA_SIGINFO: the handler receives a siginfo_t saying who sent
 * the signal (si_pid, si_code) and, with sigqueue, an attached value. The
 * signal being handled is blocked during its handler (no SA_NODEFER).
 *
 * Run: lkmc run --userland userland/posix/sigaction.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lkmc.h>

static volatile sig_atomic_t calls, blocked_inside, value, code;
static volatile pid_t sender;

static void handler(int sig, siginfo_t *info, void *ucontext) {
    sigset_t cur;
    (void)ucontext;
    calls++;
    sender = info->si_pid;
    code = info->si_code;
    value = info->si_value.sival_int;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    blocked_inside = sigismember(&cur, sig);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    LKMC_SYS(sigaction(SIGUSR1, &sa, NULL));

    LKMC_SYS(kill(getpid(), SIGUSR1));
    LKMC_ASSERT_EQ(calls, 1);
    LKMC_ASSERT_EQ(sender, getpid());
    LKMC_ASSERT_EQ(code, SI_USER);
    LKMC_ASSERT_EQ(blocked_inside, 1);

    union sigval v = {.sival_int = 1234};
    LKMC_SYS(sigqueue(getpid(), SIGUSR1, v));
    LKMC_ASSERT_EQ(calls, 2);
    LKMC_ASSERT_EQ(code, SI_QUEUE);
    LKMC_ASSERT_EQ(value, 1234);

    /* The old action comes back when installing a new one. */
    struct sigaction old;
    sa.sa_handler = SIG_DFL;
    sa.sa_flags = 0;
    LKMC_SYS(sigaction(SIGUSR1, &sa, &old));
    LKMC_ASSERT(old.sa_sigaction == handler);
    LKMC_ASSERT(old.sa_flags & SA_SIGINFO);
    puts("sigaction ok");
    return 0;
}
