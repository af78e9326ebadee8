/* pidfd_open: a file descriptor that refers to a process. It becomes
 * readable (poll) when the process exits, and pidfd_send_signal signals
 * exactly that process even if its pid number is later reused.
 *
 * Run: lkmc run --userland userland/linux/pidfd_open.c --arch aarch64
 */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        for (;;)
            pause();
    }
    int pidfd = (int)LKMC_SYS(syscall(SYS_pidfd_open, pid, 0));
    struct pollfd p = {pidfd, POLLIN, 0};
    /* Alive: not readable. */
    LKMC_ASSERT_EQ(poll(&p, 1, 20), 0);
    LKMC_SYS(syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0));
    LKMC_ASSERT_EQ(poll(&p, 1, 5000), 1);
    LKMC_ASSERT(p.revents & POLLIN);
    int status;
    LKMC_SYS(waitpid(pid, &status, 0));
    LKMC_ASSERT(WIFSIGNALED(status));
    LKMC_ASSERT_EQ(WTERMSIG(status), SIGKILL);
    close(pidfd);
    puts("pidfd ok");
    return 0;
}
