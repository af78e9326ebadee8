/* /proc/self/exe: a symbolic link to the running executable, the reliable
 * way for a program to find its own file (argv[0] is whatever the caller
 * passed). QEMU user mode emulates it to point at the guest binary.
 *
 * Run: lkmc run --userland userland/linux/proc_self_exe.c --arch aarch64
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    char exe[PATH_MAX] = {0};
    (void)argc;
    ssize_t n = LKMC_SYS(readlink("/proc/self/exe", exe, sizeof exe - 1));
    LKMC_ASSERT(n > 0);
    printf("/proc/self/exe -> %s\nargv[0] = %s\n", exe, argv[0]);
    LKMC_ASSERT_EQ(exe[0], '/');
    /* readlink does not NUL-terminate; we zeroed the buffer. */
    LKMC_ASSERT_EQ(strlen(exe), n);
    /* Same file as argv[0] when argv[0] is a path. */
    struct stat a, b;
    if (strchr(argv[0], '/') && stat(argv[0], &a) == 0) {
        LKMC_SYS(stat(exe, &b));
        LKMC_ASSERT_EQ(a.st_ino, b.st_ino);
        LKMC_ASSERT_EQ(a.st_dev, b.st_dev);
    }
    LKMC_ASSERT(strstr(exe, "proc_self_exe") != NULL);
    return 0;
}
