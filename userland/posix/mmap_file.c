/* mmap of a file: the file's pages become memory. With MAP_SHARED, stores go
 * to the file (msync forces write-back); with MAP_PRIVATE, they are private
 * copy-on-write copies that the file never sees.
 *
 * Run: lkmc run --userland userland/posix/mmap_file.c --arch aarch64
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    const char *path = "mmap_file.tmp";
    long page = sysconf(_SC_PAGESIZE);
    int fd = LKMC_SYS(open(path, O_RDWR | O_CREAT | O_TRUNC, 0600));
    /* The file must be big enough: touching a page past the end gives SIGBUS. */
    LKMC_SYS(ftruncate(fd, page));
    LKMC_ASSERT_EQ(write(fd, "hello", 5), 5);

    char *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    LKMC_ASSERT(p != MAP_FAILED);
    /* What write() put in the file is visible in memory. */
    LKMC_ASSERT_MEMEQ(p, "hello", 5);
    memcpy(p, "HELLO", 5);
    LKMC_SYS(msync(p, page, MS_SYNC));
    char buf[6] = {0};
    LKMC_ASSERT_EQ(pread(fd, buf, 5, 0), 5);
    LKMC_ASSERT_STREQ(buf, "HELLO");

    char *q = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    LKMC_ASSERT(q != MAP_FAILED);
    q[0] = 'j';
    LKMC_ASSERT_EQ(pread(fd, buf, 5, 0), 5);
    LKMC_ASSERT_STREQ(buf, "HELLO");
    LKMC_ASSERT_EQ(p[0], 'H');

    LKMC_SYS(munmap(p, page));
    LKMC_SYS(munmap(q, page));
    /* The mapping keeps working after close; here it is already gone. */
    LKMC_SYS(close(fd));
    LKMC_SYS(unlink(path));
    puts("mmap file ok");
    return 0;
}
