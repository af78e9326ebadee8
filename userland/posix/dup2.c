/* dup and dup2: make a file descriptor refer to the same open file as
 * another. Redirecting stdout to a file is dup2(fd, 1), which is what a
 * shell does for `>`. Duplicates share the file offset.
 *
 * Run: lkmc run --userland userland/posix/dup2.c --arch aarch64
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    const char *path = "dup2.tmp";
    int fd = LKMC_SYS(open(path, O_RDWR | O_CREAT | O_TRUNC, 0600));
    int saved = LKMC_SYS(dup(STDOUT_FILENO));
    fflush(stdout);

    LKMC_ASSERT_EQ(LKMC_SYS(dup2(fd, STDOUT_FILENO)), STDOUT_FILENO);
    printf("into the file\n");
    fflush(stdout);
    /* Restore the real stdout. */
    LKMC_SYS(dup2(saved, STDOUT_FILENO));
    close(saved);

    char buf[32] = {0};
    /* fd and the old fd 1 shared the offset, which is now at the end. */
    LKMC_ASSERT_EQ(lseek(fd, 0, SEEK_CUR), 14);
    LKMC_ASSERT_EQ(pread(fd, buf, sizeof buf - 1, 0), 14);
    LKMC_ASSERT_STREQ(buf, "into the file\n");

    /* dup returns the lowest free descriptor. */
    int d = LKMC_SYS(dup(fd));
    LKMC_ASSERT(d > fd);
    close(d);
    close(fd);
    LKMC_SYS(unlink(path));
    printf("stdout restored\n");
    return 0;
}
