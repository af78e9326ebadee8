/* pipe: a one-way kernel buffer between two file descriptors, here between a
 * parent (writer) and its child (reader). The reader sees EOF once every
 * write end is closed.
 *
 * Run: lkmc run --userland userland/posix/pipe.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int fds[2];
    LKMC_SYS(pipe(fds));
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        char buf[64];
        size_t total = 0;
        ssize_t n;
        /* Close our copy of the write end, or read never sees EOF. */
        close(fds[1]);
        while ((n = read(fds[0], buf + total, sizeof buf - total)) > 0)
            total += (size_t)n;
        if (n < 0 || total != 12 || memcmp(buf, "hello, child", 12) != 0)
            _exit(1);
        _exit(0);
    }
    close(fds[0]);
    LKMC_ASSERT_EQ(write(fds[1], "hello, ", 7), 7);
    LKMC_ASSERT_EQ(write(fds[1], "child", 5), 5);
    close(fds[1]);
    int status;
    LKMC_SYS(waitpid(pid, &status, 0));
    LKMC_ASSERT(WIFEXITED(status));
    LKMC_ASSERT_EQ(WEXITSTATUS(status), 0);

    /* Writing to a pipe with no reader fails with EPIPE once SIGPIPE is
     * ignored (by default SIGPIPE would kill us). */
    LKMC_SYS(pipe(fds));
    close(fds[0]);
    signal(SIGPIPE, SIG_IGN);
    LKMC_ASSERT_EQ(write(fds[1], "x", 1), -1);
    puts("pipe ok");
    return 0;
}
