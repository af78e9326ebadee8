/* copy_file_range: copy a range of one file into another inside the kernel;
 * filesystems that support it may share the blocks (reflink) instead.
 *
 * Run: lkmc run --userland userland/linux/copy_file_range.c --arch aarch64
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    char buf[8192];
    int in = LKMC_SYS(open("cfr.in", O_CREAT | O_RDWR | O_TRUNC, 0600));
    int out = LKMC_SYS(open("cfr.out", O_CREAT | O_RDWR | O_TRUNC, 0600));
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)('a' + i % 26);
    LKMC_ASSERT_EQ(write(in, buf, sizeof buf), sizeof buf);

    loff_t in_off = 100, out_off = 0;
    ssize_t total = 0;
    while (total < 5000) {
        ssize_t n = LKMC_SYS(copy_file_range(in, &in_off, out, &out_off, (size_t)(5000 - total), 0));
        LKMC_ASSERT(n > 0);
        total += n;
    }
    LKMC_ASSERT_EQ(in_off, 5100);
    char got[5000];
    LKMC_ASSERT_EQ(pread(out, got, sizeof got, 0), 5000);
    LKMC_ASSERT_MEMEQ(got, buf + 100, 5000);
    close(in);
    close(out);
    unlink("cfr.in");
    unlink("cfr.out");
    return 0;
}
