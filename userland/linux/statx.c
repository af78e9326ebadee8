/* statx: the extensible successor of stat. The caller says which fields it
 * wants (mask), the kernel says which it filled in (stx_mask), and there are
 * new fields such as the birth time (STATX_BTIME) where the filesystem has
 * it.
 *
 * Run: lkmc run --userland userland/linux/statx.c --arch aarch64
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    struct statx stx;
    struct stat st;
    int fd = LKMC_SYS(open("statx.tmp", O_CREAT | O_WRONLY | O_TRUNC, 0640));
    LKMC_ASSERT_EQ(write(fd, "123", 3), 3);
    close(fd);
    LKMC_SYS(statx(AT_FDCWD, "statx.tmp", 0, STATX_BASIC_STATS | STATX_BTIME, &stx));
    LKMC_SYS(stat("statx.tmp", &st));
    LKMC_ASSERT(stx.stx_mask & STATX_SIZE);
    LKMC_ASSERT_EQ(stx.stx_size, 3);
    LKMC_ASSERT_EQ(stx.stx_mode & 0777, 0640 & ~0);
    LKMC_ASSERT_EQ(stx.stx_ino, st.st_ino);
    LKMC_ASSERT(S_ISREG(stx.stx_mode));
    printf("size %llu, birth time %s\n", (unsigned long long)stx.stx_size,
            stx.stx_mask & STATX_BTIME ? "available" : "not provided by this filesystem");
    LKMC_SYS(unlink("statx.tmp"));
    return 0;
}
