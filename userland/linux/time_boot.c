/* CLOCK_BOOTTIME: time since boot including time suspended, unlike
 * CLOCK_MONOTONIC which stops during suspend, so BOOTTIME >= MONOTONIC.
 * In a freshly booted guest it tells how long boot took to reach this
 * program. (Under QEMU user mode these are the host's clocks.)
 *
 * Run: lkmc run --userland userland/linux/time_boot.c --arch aarch64
 */
#include <stdio.h>
#include <time.h>

#include <lkmc.h>

int main(void) {
    struct timespec mono, boot;
    LKMC_SYS(clock_gettime(CLOCK_MONOTONIC, &mono));
    LKMC_SYS(clock_gettime(CLOCK_BOOTTIME, &boot));
    printf("CLOCK_BOOTTIME %lld.%09ld s, CLOCK_MONOTONIC %lld.%09ld s\n",
            (long long)boot.tv_sec, boot.tv_nsec, (long long)mono.tv_sec, mono.tv_nsec);
    LKMC_ASSERT(boot.tv_sec > mono.tv_sec ||
            (boot.tv_sec == mono.tv_sec && boot.tv_nsec >= mono.tv_nsec));
    LKMC_ASSERT(boot.tv_sec > 0 || boot.tv_nsec > 0);
    return 0;
}
