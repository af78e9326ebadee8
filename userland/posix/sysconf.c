/* sysconf: run-time system limits: page size, number of CPUs, clock ticks
 * per second, maximum open files, physical memory pages.
 *
 * Run: lkmc run --userland userland/posix/sysconf.c --arch aarch64
 */
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    long conf = sysconf(_SC_NPROCESSORS_CONF);
    long onln = sysconf(_SC_NPROCESSORS_ONLN);
    long tck = sysconf(_SC_CLK_TCK);
    long open_max = sysconf(_SC_OPEN_MAX);
    long phys = sysconf(_SC_PHYS_PAGES);
    printf("_SC_PAGESIZE=%ld\n_SC_NPROCESSORS_CONF=%ld\n_SC_NPROCESSORS_ONLN=%ld\n"
           "_SC_CLK_TCK=%ld\n_SC_OPEN_MAX=%ld\n_SC_PHYS_PAGES=%ld\n",
           page, conf, onln, tck, open_max, phys);
    /* 4 KiB pages on these configurations. */
    LKMC_ASSERT_EQ(page, 4096);
    LKMC_ASSERT_EQ(getpagesize(), page);
    LKMC_ASSERT(onln >= 1 && onln <= conf);
    /* USER_HZ is 100 on Linux regardless of the kernel's HZ. */
    LKMC_ASSERT_EQ(tck, 100);
    LKMC_ASSERT(open_max >= 20);
    LKMC_ASSERT(phys > 0);
    return 0;
}
