/* sendfile: copy between two file descriptors inside the kernel, without
 * passing the data through a user buffer. With an offset pointer, the input
 * file's own offset is left alone.
 *
 * Run: lkmc run --userland userland/linux/sendfile.c --arch aarch64
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    char buf[32] = {0};
    int in = LKMC_SYS(open("sendfile.in", O_CREAT | O_RDWR | O_TRUNC, 0600));
    int out = LKMC_SYS(open("sendfile.out", O_CREAT | O_RDWR | O_TRUNC, 0600));
    LKMC_ASSERT_EQ(write(in, "0123456789", 10), 10);
    off_t off = 2;
    LKMC_ASSERT_EQ(LKMC_SYS(sendfile(out, in, &off, 5)), 5);
    LKMC_ASSERT_EQ(off, 7);
    /* in's file offset is still at the end of what we wrote. */
    LKMC_ASSERT_EQ(lseek(in, 0, SEEK_CUR), 10);
    LKMC_ASSERT_EQ(pread(out, buf, sizeof buf, 0), 5);
    LKMC_ASSERT_STREQ(buf, "23456");
    close(in);
    close(out);
    unlink("sendfile.in");
    unlink("sendfile.out");
    return 0;
}
