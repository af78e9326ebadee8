/* splice and tee: move data between a pipe and another descriptor inside the
 * kernel (zero-copy for page-cache pages). tee duplicates a pipe's contents
 * into another pipe without consuming them.
 *
 * Run: lkmc run --userland userland/linux/splice.c --arch aarch64
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int a[2], b[2];
    char buf[32] = {0};
    LKMC_SYS(pipe(a));
    LKMC_SYS(pipe(b));
    int file = LKMC_SYS(open("splice.tmp", O_CREAT | O_RDWR | O_TRUNC, 0600));

    LKMC_ASSERT_EQ(write(a[1], "spliced data", 12), 12);
    /* Copy the pipe's contents into pipe b, leaving them in a. */
    LKMC_ASSERT_EQ(LKMC_SYS(tee(a[0], b[1], 12, 0)), 12);
    /* Move a's contents into the file. */
    LKMC_ASSERT_EQ(LKMC_SYS(splice(a[0], NULL, file, NULL, 12, 0)), 12);
    LKMC_ASSERT_EQ(pread(file, buf, sizeof buf, 0), 12);
    LKMC_ASSERT_STREQ(buf, "spliced data");

    /* And from the file back into a pipe, at an explicit file offset. */
    loff_t off = 8;
    LKMC_ASSERT_EQ(LKMC_SYS(splice(file, &off, a[1], NULL, 4, 0)), 4);
    memset(buf, 0, sizeof buf);
    LKMC_ASSERT_EQ(read(a[0], buf, sizeof buf), 4);
    LKMC_ASSERT_STREQ(buf, "data");

    memset(buf, 0, sizeof buf);
    LKMC_ASSERT_EQ(read(b[0], buf, sizeof buf), 12);
    LKMC_ASSERT_STREQ(buf, "spliced data");
    close(file);
    unlink("splice.tmp");
    return 0;
}
