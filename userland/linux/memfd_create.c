/* memfd_create: an anonymous file living in memory (tmpfs), usable like any
 * file (write, mmap, pass to another process) and, with
 * MFD_ALLOW_SEALING, lockable against changes with file seals.
 *
 * Run: lkmc run --userland userland/linux/memfd_create.c --arch aarch64
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int fd = LKMC_SYS(memfd_create("lkmc", MFD_CLOEXEC | MFD_ALLOW_SEALING));
    LKMC_SYS(ftruncate(fd, 4096));
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    LKMC_ASSERT(p != MAP_FAILED);
    strcpy(p, "through the mapping");
    char buf[32] = {0};
    LKMC_ASSERT_EQ(pread(fd, buf, 19, 0), 19);
    LKMC_ASSERT_STREQ(buf, "through the mapping");
    LKMC_SYS(munmap(p, 4096));

    /* Its /proc/self/fd link names it "memfd:NAME (deleted)". */
    char link[64], target[128] = {0};
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    if (readlink(link, target, sizeof target - 1) > 0)
        printf("%s -> %s\n", link, target);

    /* Seal: no more writes or size changes. */
    LKMC_SYS(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW));
    LKMC_ASSERT_EQ(LKMC_SYS(fcntl(fd, F_GET_SEALS)) & F_SEAL_WRITE, F_SEAL_WRITE);
    LKMC_ASSERT_EQ(pwrite(fd, "x", 1, 0), -1);
    LKMC_ASSERT_EQ(errno, EPERM);
    LKMC_ASSERT_EQ(ftruncate(fd, 0), -1);
    /* Reading still works. */
    LKMC_ASSERT_EQ(pread(fd, buf, 7, 0), 7);
    close(fd);
    return 0;
}
