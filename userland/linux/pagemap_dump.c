/* pagemap_dump [PID]: for every mapping in /proc/PID/maps (default: self),
 * print each page's entry from /proc/PID/pagemap: present, swapped,
 * file/shared, exclusive, soft-dirty and the physical page frame number
 * (PFN). The PFN reads as 0 unless root (CAP_SYS_ADMIN). Needs a kernel with
 * CONFIG_PROC_PAGE_MONITOR.
 *
 * When dumping itself, checks that a page it just wrote is present with a
 * non-zero PFN and that an untouched page is not present.
 *
 * Run: lkmc run --userland userland/linux/pagemap_dump.c --arch aarch64
 *   (in the guest: ./linux/pagemap_dump.out PID)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <lkmc.h>

#define PM_PFN_MASK ((UINT64_C(1) << 55) - 1)
#define PM_SOFT_DIRTY (UINT64_C(1) << 55)
#define PM_EXCLUSIVE (UINT64_C(1) << 56)
#define PM_FILE (UINT64_C(1) << 61)
#define PM_SWAP (UINT64_C(1) << 62)
#define PM_PRESENT (UINT64_C(1) << 63)

static uint64_t entry(int fd, uintptr_t vaddr, long page) {
    uint64_t e;
    off_t off = (off_t)(vaddr / (uintptr_t)page) * (off_t)sizeof e;
    ssize_t n = pread(fd, &e, sizeof e, off);
    /* End of file: above the last user address, e.g. arm's [vectors] page,
     * which the kernel maps for every process but pagemap does not cover. */
    if (n == 0)
        return 0;
    if (n != sizeof e)
        LKMC_FAIL("pread pagemap at 0x%jx failed", (uintmax_t)vaddr);
    return e;
}

int main(int argc, char **argv) {
    char path[64];
    const char *pid = argc > 1 ? argv[1] : "self";
    long page = sysconf(_SC_PAGESIZE);
    int self = argc <= 1;
    char *touched = NULL, *untouched = NULL;

    if (self) {
        touched = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        LKMC_ASSERT(touched != MAP_FAILED);
        touched[0] = 1;
        untouched = touched + page;
    }
    snprintf(path, sizeof path, "/proc/%s/maps", pid);
    FILE *maps = fopen(path, "r");
    LKMC_ASSERT(maps != NULL);
    snprintf(path, sizeof path, "/proc/%s/pagemap", pid);
    int fd = LKMC_SYS(open(path, O_RDONLY));

    printf("vaddr pfn present swapped file exclusive soft-dirty\n");
    char line[512];
    while (fgets(line, sizeof line, maps)) {
        uintptr_t lo, hi;
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR, &lo, &hi) != 2)
            continue;
        printf("%s", line);
        /* [vsyscall] on x86_64 is not in the page tables. */
        if (strstr(line, "[vsyscall]"))
            continue;
        for (uintptr_t v = lo; v < hi; v += (uintptr_t)page) {
            uint64_t e = entry(fd, v, page);
            if (!(e & (PM_PRESENT | PM_SWAP)))
                continue;
            printf("  0x%jx 0x%" PRIx64 " %d %d %d %d %d\n", (uintmax_t)v,
                    e & PM_PFN_MASK, !!(e & PM_PRESENT), !!(e & PM_SWAP),
                    !!(e & PM_FILE), !!(e & PM_EXCLUSIVE), !!(e & PM_SOFT_DIRTY));
        }
    }
    fclose(maps);

    if (self) {
        uint64_t e = entry(fd, (uintptr_t)touched, page);
        LKMC_ASSERT(e & PM_PRESENT);
        if (geteuid() == 0)
            LKMC_ASSERT((e & PM_PFN_MASK) != 0);
        LKMC_ASSERT(e & PM_EXCLUSIVE);
        e = entry(fd, (uintptr_t)untouched, page);
        LKMC_ASSERT(!(e & PM_PRESENT));
    }
    close(fd);
    return 0;
}
