/* perf_event_open: count events for this thread with the kernel's perf
 * subsystem. Uses software events (task clock, page faults), which work on
 * any CPU model and under emulation; hardware counters such as instructions
 * need a PMU the emulator may not provide, and are only reported here.
 * Needs CONFIG_PERF_EVENTS; QEMU user mode does not implement this system
 * call (ENOSYS).
 *
 * Run: lkmc run --userland userland/linux/perf_event_open.c --arch aarch64
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lkmc.h>

static int open_counter(uint32_t type, uint64_t config) {
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.size = sizeof attr;
    attr.type = type;
    attr.config = config;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    /* This thread, any CPU, no group, no flags. */
    return (int)syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
}

int main(void) {
    int clock = open_counter(PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK);
    if (clock == -1)
        LKMC_FAIL("perf_event_open(task clock): %s", strerror(errno));
    int faults = LKMC_SYS(open_counter(PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS));
    int insns = open_counter(PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS);

    LKMC_SYS(ioctl(clock, PERF_EVENT_IOC_RESET, 0));
    LKMC_SYS(ioctl(faults, PERF_EVENT_IOC_RESET, 0));
    LKMC_SYS(ioctl(clock, PERF_EVENT_IOC_ENABLE, 0));
    LKMC_SYS(ioctl(faults, PERF_EVENT_IOC_ENABLE, 0));
    if (insns != -1)
        ioctl(insns, PERF_EVENT_IOC_ENABLE, 0);

    /* Work: touch 64 fresh pages and spin. */
    size_t size = 64 * 4096;
    volatile char *p = malloc(size);
    LKMC_ASSERT(p != NULL);
    for (size_t i = 0; i < size; i += 4096)
        p[i] = 1;
    lkmc_busy_loop(1000000);

    LKMC_SYS(ioctl(clock, PERF_EVENT_IOC_DISABLE, 0));
    LKMC_SYS(ioctl(faults, PERF_EVENT_IOC_DISABLE, 0));
    uint64_t ns, nfaults, ninsns = 0;
    LKMC_ASSERT_EQ(read(clock, &ns, sizeof ns), sizeof ns);
    LKMC_ASSERT_EQ(read(faults, &nfaults, sizeof nfaults), sizeof nfaults);
    printf("task clock %llu ns, page faults %llu\n", (unsigned long long)ns, (unsigned long long)nfaults);
    if (insns != -1) {
        ioctl(insns, PERF_EVENT_IOC_DISABLE, 0);
        if (read(insns, &ninsns, sizeof ninsns) == sizeof ninsns)
            printf("instructions %llu\n", (unsigned long long)ninsns);
    } else {
        printf("no hardware instruction counter: %s\n", strerror(errno));
    }
    LKMC_ASSERT(ns > 0);
    LKMC_ASSERT(nfaults >= 1);
    free((void *)p);
    return 0;
}
