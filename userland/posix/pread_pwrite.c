/* lseek, pread and pwrite: file offsets. read/write advance the shared
 * offset; pread/pwrite take an explicit offset and leave it alone. Seeking
 * past the end and writing leaves a hole that reads back as zeros.
 *
 * Run: lkmc run --userland userland/posix/pread_pwrite.c --arch aarch64
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    char buf[16];
    int fd = LKMC_SYS(open("pread.tmp", O_CREAT | O_RDWR | O_TRUNC, 0600));
    LKMC_ASSERT_EQ(write(fd, "abcdef", 6), 6);
    LKMC_ASSERT_EQ(lseek(fd, 0, SEEK_CUR), 6);

    LKMC_ASSERT_EQ(pwrite(fd, "XY", 2, 1), 2);
    LKMC_ASSERT_EQ(lseek(fd, 0, SEEK_CUR), 6);
    memset(buf, 0, sizeof buf);
    LKMC_ASSERT_EQ(pread(fd, buf, 6, 0), 6);
    LKMC_ASSERT_STREQ(buf, "aXYdef");

    LKMC_ASSERT_EQ(lseek(fd, 2, SEEK_SET), 2);
    memset(buf, 0, sizeof buf);
    LKMC_ASSERT_EQ(read(fd, buf, 3), 3);
    LKMC_ASSERT_STREQ(buf, "Yde");
    LKMC_ASSERT_EQ(lseek(fd, 0, SEEK_CUR), 5);

    /* A hole: 10 bytes past the end. */
    LKMC_ASSERT_EQ(lseek(fd, 10, SEEK_END), 16);
    LKMC_ASSERT_EQ(write(fd, "!", 1), 1);
    struct stat st;
    LKMC_SYS(fstat(fd, &st));
    LKMC_ASSERT_EQ(st.st_size, 17);
    LKMC_ASSERT_EQ(pread(fd, buf, 3, 7), 3);
    LKMC_ASSERT(buf[0] == 0 && buf[1] == 0 && buf[2] == 0);
    /* Reading at the end returns 0 (EOF), not an error. */
    LKMC_ASSERT_EQ(pread(fd, buf, 1, 17), 0);
    close(fd);
    unlink("pread.tmp");
    return 0;
}
