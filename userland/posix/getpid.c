/* getpid, getppid, getpgrp, getsid: process identifiers. A child has a new
 * pid, and its parent pid is ours.
 *
 * Run: lkmc run --userland userland/posix/getpid.c --arch aarch64
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    pid_t pid = getpid();
    printf("pid=%d ppid=%d pgrp=%d sid=%d\n",
            (int)pid, (int)getppid(), (int)getpgrp(), (int)getsid(0));
    LKMC_ASSERT(pid > 0);
    LKMC_ASSERT(getppid() >= 0);
    /* getpid never fails and is stable. */
    LKMC_ASSERT_EQ(getpid(), pid);

    int fds[2];
    LKMC_SYS(pipe(fds));
    fflush(stdout);
    pid_t child = LKMC_SYS(fork());
    if (child == 0) {
        pid_t me = getpid(), parent = getppid();
        (void)!write(fds[1], &me, sizeof me);
        (void)!write(fds[1], &parent, sizeof parent);
        _exit(0);
    }
    pid_t seen_child, seen_parent;
    LKMC_ASSERT_EQ(read(fds[0], &seen_child, sizeof seen_child), sizeof seen_child);
    LKMC_ASSERT_EQ(read(fds[0], &seen_parent, sizeof seen_parent), sizeof seen_parent);
    LKMC_SYS(waitpid(child, NULL, 0));
    LKMC_ASSERT_EQ(seen_child, child);
    LKMC_ASSERT_EQ(seen_parent, pid);
    LKMC_ASSERT_NE(child, pid);
    return 0;
}
