/* wait status decoding: WIFEXITED/WEXITSTATUS for a normal exit (only the low
 * 8 bits survive), WIFSIGNALED/WTERMSIG for a child killed by a signal, and
 * waiting for several children in any order.
 *
 * Run: lkmc run --userland userland/posix/wait_status.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

static pid_t spawn(int how) {
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        switch (how) {
        case 0: _exit(3);
        case 1: _exit(256 + 7);           /* truncated to 7 */
        case 2: raise(SIGTERM); _exit(1);
        case 3: abort();
        }
        _exit(99);
    }
    return pid;
}

int main(void) {
    int status;
    pid_t p;

    p = spawn(0);
    LKMC_SYS(waitpid(p, &status, 0));
    LKMC_ASSERT(WIFEXITED(status));
    LKMC_ASSERT_EQ(WEXITSTATUS(status), 3);

    p = spawn(1);
    LKMC_SYS(waitpid(p, &status, 0));
    LKMC_ASSERT_EQ(WEXITSTATUS(status), 7);

    p = spawn(2);
    LKMC_SYS(waitpid(p, &status, 0));
    LKMC_ASSERT(!WIFEXITED(status));
    LKMC_ASSERT(WIFSIGNALED(status));
    LKMC_ASSERT_EQ(WTERMSIG(status), SIGTERM);

    p = spawn(3);
    LKMC_SYS(waitpid(p, &status, 0));
    LKMC_ASSERT(WIFSIGNALED(status));
    LKMC_ASSERT_EQ(WTERMSIG(status), SIGABRT);

    /* Several children: wait() returns them in whatever order they end. */
    int i, sum = 0;
    for (i = 0; i < 3; i++)
        spawn(0);
    for (i = 0; i < 3; i++) {
        LKMC_SYS(wait(&status));
        sum += WEXITSTATUS(status);
    }
    LKMC_ASSERT_EQ(sum, 9);
    /* No children left. */
    LKMC_ASSERT_EQ(wait(&status), -1);
    puts("wait status ok");
    return 0;
}
