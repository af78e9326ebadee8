/* signalfd: receive signals by reading a file descriptor instead of running
 * a handler. The signals must be blocked so that they stay pending for the
 * signalfd. Each read returns a struct signalfd_siginfo.
 *
 * Run: lkmc run --userland userland/linux/signalfd.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigaddset(&mask, SIGUSR2);
    LKMC_SYS(sigprocmask(SIG_BLOCK, &mask, NULL));
    int fd = LKMC_SYS(signalfd(-1, &mask, SFD_CLOEXEC));

    LKMC_SYS(kill(getpid(), SIGUSR2));
    union sigval v = {.sival_int = 77};
    LKMC_SYS(sigqueue(getpid(), SIGUSR1, v));

    struct signalfd_siginfo si;
    int got1 = 0, got2 = 0;
    for (int i = 0; i < 2; i++) {
        LKMC_ASSERT_EQ(read(fd, &si, sizeof si), sizeof si);
        printf("signal %u from pid %u\n", si.ssi_signo, si.ssi_pid);
        LKMC_ASSERT_EQ(si.ssi_pid, getpid());
        if (si.ssi_signo == SIGUSR1) {
            got1 = 1;
            LKMC_ASSERT_EQ(si.ssi_int, 77);
        } else if (si.ssi_signo == SIGUSR2) {
            got2 = 1;
        }
    }
    LKMC_ASSERT(got1 && got2);
    close(fd);
    return 0;
}
