/* init_env_poweroff: print the arguments and environment the kernel gave to
 * init, then power off. Kernel command line words that are not kernel
 * parameters go to init: "name=value" ones to its environment, the others to
 * its argv. Try:
 *   lkmc run --arch aarch64 --kernel-cli 'init=/lkmc/linux/init_env_poweroff.out - asdf qwer=zxcv'
 * Not run by the tests: it powers the guest off.
 *
 * Run: lkmc run --userland userland/linux/init_env_poweroff.c --arch aarch64
 */
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

#include <lkmc.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("pid %d\n", (int)getpid());
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);
    for (char **e = environ; *e; e++)
        printf("env: %s\n", *e);
    /* As init, we are pid 1. Anything else: just report, do not power off. */
    if (getpid() != 1) {
        puts("not pid 1: not powering off");
        return 0;
    }
    fflush(stdout);
    sync();
    LKMC_SYS(reboot(RB_POWER_OFF));
    return 1;
}
