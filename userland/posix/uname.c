/* uname: the kernel's name, release, version and machine, as `uname -a`
 * prints them. Under QEMU user mode the machine field is the emulated
 * architecture (QEMU rewrites it), while the release is the host's kernel,
 * or the one `--kernel-version` tells QEMU (-r). With an argument, checks
 * that the release is that.
 *
 * Run: lkmc run --userland userland/posix/uname.c --arch aarch64
 *      lkmc run --userland userland/posix/uname.c --kernel-version 5.9.2 \
 *        --cli-args 5.9.2
 */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    struct utsname u;
    LKMC_SYS(uname(&u));
    printf("sysname=%s\nnodename=%s\nrelease=%s\nversion=%s\nmachine=%s\n",
            u.sysname, u.nodename, u.release, u.version, u.machine);
    LKMC_ASSERT_STREQ(u.sysname, "Linux");
#if defined(__x86_64__)
    LKMC_ASSERT_STREQ(u.machine, "x86_64");
#elif defined(__aarch64__)
    LKMC_ASSERT_STREQ(u.machine, "aarch64");
#elif defined(__arm__)
    /* armv7l on a 32-bit kernel or under qemu-arm. */
    LKMC_ASSERT(strncmp(u.machine, "arm", 3) == 0);
#endif
    LKMC_ASSERT(strlen(u.release) > 0);
    if (argc > 1)
        LKMC_ASSERT_STREQ(u.release, argv[1]);
    return 0;
}
