/* fork: the child is a copy of the parent (memory is copied, here lazily
 * with copy-on-write), fork returns 0 in the child and the child's pid in
 * the parent, and waitpid collects the child's exit status.
 *
 * Run: lkmc run --userland userland/posix/fork.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int shared = 1;
    pid_t parent = getpid();
    /* Flush before forking, or buffered output is printed twice. */
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        /* Child: its own copy of the variable. */
        shared = 2;
        if (getppid() != parent)
            _exit(100);
        printf("child pid %d, parent %d\n", (int)getpid(), (int)getppid());
        /* exit status carries one byte back to the parent. */
        exit(shared + 40);
    }
    int status;
    LKMC_ASSERT_EQ(LKMC_SYS(waitpid(pid, &status, 0)), pid);
    LKMC_ASSERT(WIFEXITED(status));
    LKMC_ASSERT_EQ(WEXITSTATUS(status), 42);
    /* The child's write did not affect the parent's copy. */
    LKMC_ASSERT_EQ(shared, 1);
    printf("parent %d: child %d exited with %d\n", (int)parent, (int)pid, WEXITSTATUS(status));
    return 0;
}
