/* execv: replace the running program with another, keeping the pid and the
 * open file descriptors. Here the program re-executes itself (found through
 * /proc/self/exe) with an argument that makes the new image exit 0 at once.
 * In the QEMU user-mode tests, the new image would be started by the host
 * kernel, which cannot run a foreign-arch binary unless binfmt_misc is set
 * up: so it is only run in the full system.
 *
 * Run: lkmc run --userland userland/posix/exec.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "child") == 0) {
        /* The new image: same pid as before the exec. */
        printf("exec'd image, pid %d, before exec %s\n", (int)getpid(), argv[2]);
        return atoi(argv[2]) == getpid() ? 0 : 1;
    }
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        char pidstr[16];
        snprintf(pidstr, sizeof pidstr, "%d", (int)getpid());
        char *args[] = {argv[0], "child", pidstr, NULL};
        execv("/proc/self/exe", args);
        perror("execv");
        _exit(127);
    }
    int status;
    LKMC_SYS(waitpid(pid, &status, 0));
    LKMC_ASSERT(WIFEXITED(status));
    LKMC_ASSERT_EQ(WEXITSTATUS(status), 0);
    return 0;
}
