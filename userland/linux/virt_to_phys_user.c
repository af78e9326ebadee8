/* virt_to_phys_user [PID VADDR]: translate a virtual address of a process
 * to a physical address with /proc/PID/pagemap (root needed to see PFNs):
 * paddr = PFN * page_size + offset in the page. Without arguments it
 * translates the address of one of its own variables and checks the result
 * is a present, non-zero frame. Pair it with posix/virt_to_phys_test.c and
 * devmem to modify another process's memory through physical addresses.
 *
 * Run: lkmc run --userland userland/linux/virt_to_phys_user.c --arch aarch64
 *   (in the guest: ./linux/virt_to_phys_user.out PID 0xVADDR)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <lkmc.h>

/* Returns 0 and sets *paddr, or -1 if the page is not present. */
static int virt_to_phys(pid_t pid, uintptr_t vaddr, uint64_t *paddr) {
    char path[64];
    uint64_t e;
    long page = sysconf(_SC_PAGESIZE);
    if (pid)
        snprintf(path, sizeof path, "/proc/%d/pagemap", (int)pid);
    else
        snprintf(path, sizeof path, "/proc/self/pagemap");
    int fd = LKMC_SYS(open(path, O_RDONLY));
    off_t off = (off_t)(vaddr / (uintptr_t)page) * (off_t)sizeof e;
    LKMC_ASSERT_EQ(pread(fd, &e, sizeof e, off), sizeof e);
    close(fd);
    if (!(e & (UINT64_C(1) << 63)))
        return -1;
    uint64_t pfn = e & ((UINT64_C(1) << 55) - 1);
    *paddr = pfn * (uint64_t)page + vaddr % (uintptr_t)page;
    return 0;
}

int main(int argc, char **argv) {
    uint64_t paddr;
    if (argc == 3) {
        pid_t pid = (pid_t)strtol(argv[1], NULL, 0);
        uintptr_t vaddr = (uintptr_t)strtoull(argv[2], NULL, 0);
        if (virt_to_phys(pid, vaddr, &paddr))
            LKMC_FAIL("page of 0x%jx not present in process %d", (uintmax_t)vaddr, (int)pid);
        printf("0x%jx\n", (uintmax_t)paddr);
        return 0;
    }
    static volatile int value = 42;
    LKMC_ASSERT_EQ(value, 42);
    LKMC_ASSERT_EQ(virt_to_phys(0, (uintptr_t)&value, &paddr), 0);
    printf("vaddr %p -> paddr 0x%jx\n", (void *)&value, (uintmax_t)paddr);
    LKMC_ASSERT_EQ(paddr % 4096, (uintptr_t)&value % 4096);
    if (geteuid() == 0)
        LKMC_ASSERT(paddr >= 4096);
    return 0;
}
