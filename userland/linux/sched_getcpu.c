/* sched_getcpu / getcpu: which CPU the calling thread is running on right
 * now. After pinning the thread to one CPU with sched_setaffinity, that is
 * the CPU it reports. Each thread of a process can be on a different CPU.
 *
 * glibc answers sched_getcpu from the rseq area or the vDSO without entering
 * the kernel; under qemu-x86_64 the emulated vDSO always says CPU 0, so the
 * check after pinning uses the getcpu system call itself.
 *
 * Run: lkmc run --userland userland/linux/sched_getcpu.c --arch aarch64
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    cpu_set_t allowed, one;
    int cpu = LKMC_SYS(sched_getcpu());
    unsigned raw_cpu, node;
    printf("running on CPU %d\n", cpu);
    LKMC_ASSERT(cpu >= 0 && cpu < CPU_SETSIZE);

    /* The raw system call also gives the NUMA node. */
    LKMC_SYS(syscall(SYS_getcpu, &raw_cpu, &node, NULL));
    LKMC_ASSERT(raw_cpu < CPU_SETSIZE);

    LKMC_SYS(sched_getaffinity(0, sizeof allowed, &allowed));
    int pinned = 0;
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, &allowed))
            continue;
        CPU_ZERO(&one);
        CPU_SET(c, &one);
        LKMC_SYS(sched_setaffinity(0, sizeof one, &one));
        /* The migration has happened by the time setaffinity returns. */
        LKMC_SYS(syscall(SYS_getcpu, &raw_cpu, &node, NULL));
        LKMC_ASSERT_EQ(raw_cpu, c);
        pinned++;
    }
    printf("pinned to each of %d CPUs in turn\n", pinned);
    LKMC_ASSERT(pinned >= 1);
    LKMC_SYS(sched_setaffinity(0, sizeof allowed, &allowed));
    return 0;
}
