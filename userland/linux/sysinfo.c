/* sysinfo: system-wide statistics in one call: uptime, load averages,
 * memory and swap totals, number of processes.
 *
 * Run: lkmc run --userland userland/linux/sysinfo.c --arch aarch64
 */
#include <stdio.h>
#include <sys/sysinfo.h>

#include <lkmc.h>

int main(void) {
    struct sysinfo si;
    LKMC_SYS(sysinfo(&si));
    unsigned long long total = (unsigned long long)si.totalram * si.mem_unit;
    unsigned long long free_ = (unsigned long long)si.freeram * si.mem_unit;
    printf("uptime %ld s, load %.2f, ram %llu MiB (%llu MiB free), %u processes\n",
            si.uptime, si.loads[0] / 65536.0, total >> 20, free_ >> 20, si.procs);
    LKMC_ASSERT(si.uptime >= 0);
    LKMC_ASSERT(total > 0);
    /* A kernel scales the counts to fit (it raises mem_unit), but QEMU user
     * mode copies a 64-bit host's counts into a 32-bit guest's fields
     * without that, so there they wrap and free can exceed total. */
    if (sizeof(si.totalram) >= 8)
        LKMC_ASSERT(free_ <= total);
    LKMC_ASSERT(si.procs >= 1);
    LKMC_ASSERT(get_nprocs() >= 1);
    return 0;
}
