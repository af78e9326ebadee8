/* getdents64: the system call under readdir. It fills a buffer with
 * variable-length struct linux_dirent64 records (inode, offset, record
 * length, type, name) for as many entries as fit.
 *
 * Run: lkmc run --userland userland/linux/getdents64.c --arch aarch64
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lkmc.h>

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

int main(void) {
    char buf[1024] __attribute__((aligned(8)));
    int found_file = 0, found_dot = 0, entries = 0;
    LKMC_SYS(mkdir("getdents.dir", 0700));
    LKMC_SYS(close(LKMC_SYS(open("getdents.dir/some_file", O_CREAT | O_WRONLY, 0600))));
    int fd = LKMC_SYS(open("getdents.dir", O_RDONLY | O_DIRECTORY));
    for (;;) {
        long n = LKMC_SYS(syscall(SYS_getdents64, fd, buf, sizeof buf));
        if (n == 0)
            break;
        for (long off = 0; off < n;) {
            struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);
            printf("ino %llu reclen %u type %u name %s\n", (unsigned long long)d->d_ino,
                    d->d_reclen, d->d_type, d->d_name);
            /* Records are 8-byte aligned. */
            LKMC_ASSERT_EQ(d->d_reclen % 8, 0);
            if (strcmp(d->d_name, "some_file") == 0) {
                found_file = 1;
                LKMC_ASSERT(d->d_type == DT_REG || d->d_type == DT_UNKNOWN);
            }
            found_dot += strcmp(d->d_name, ".") == 0;
            entries++;
            off += d->d_reclen;
        }
    }
    close(fd);
    LKMC_ASSERT(found_file);
    LKMC_ASSERT_EQ(found_dot, 1);
    LKMC_ASSERT_EQ(entries, 3);
    unlink("getdents.dir/some_file");
    rmdir("getdents.dir");
    return 0;
}
