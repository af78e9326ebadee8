/* poweroff: turn the machine off with reboot(RB_POWER_OFF), as the last thing
 * an init does. Needs CAP_SYS_BOOT; sync first so that no written data is
 * lost. Use it as init to boot, do nothing and exit QEMU:
 *   lkmc run --arch aarch64 --kernel-cli 'init=/lkmc/linux/poweroff.out'
 * Not run by the tests: it would end the test guest itself.
 *
 * Run: lkmc run --userland userland/linux/poweroff.c --arch aarch64
 */
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    puts("powering off");
    fflush(stdout);
    sync();
    LKMC_SYS(reboot(RB_POWER_OFF));
    /* reboot only returns on failure. */
    return 1;
}
