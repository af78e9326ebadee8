/* stat, fstat, lstat: file metadata (type, permission bits, size, link
 * count, inode) without opening or reading the file. lstat looks at a
 * symbolic link itself instead of its target. umask masks the mode of new
 * files.
 *
 * Run: lkmc run --userland userland/posix/stat.c --arch aarch64
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    struct stat st, st2;
    umask(022);
    int fd = LKMC_SYS(open("stat.tmp", O_CREAT | O_WRONLY | O_TRUNC, 0666));
    LKMC_ASSERT_EQ(write(fd, "12345", 5), 5);
    LKMC_SYS(fstat(fd, &st));
    LKMC_ASSERT(S_ISREG(st.st_mode));
    /* 0666 & ~022 */
    LKMC_ASSERT_EQ(st.st_mode & 0777, 0644);
    LKMC_ASSERT_EQ(st.st_size, 5);
    LKMC_ASSERT_EQ(st.st_nlink, 1);
    close(fd);

    LKMC_SYS(chmod("stat.tmp", 0600));
    LKMC_SYS(stat("stat.tmp", &st2));
    LKMC_ASSERT_EQ(st2.st_mode & 0777, 0600);
    LKMC_ASSERT_EQ(st2.st_ino, st.st_ino);

    /* A hard link is another name for the same inode. */
    LKMC_SYS(link("stat.tmp", "stat.link"));
    LKMC_SYS(stat("stat.link", &st2));
    LKMC_ASSERT_EQ(st2.st_ino, st.st_ino);
    LKMC_ASSERT_EQ(st2.st_nlink, 2);

    LKMC_SYS(symlink("stat.tmp", "stat.sym"));
    LKMC_SYS(lstat("stat.sym", &st2));
    LKMC_ASSERT(S_ISLNK(st2.st_mode));
    LKMC_SYS(stat("stat.sym", &st2));
    LKMC_ASSERT(S_ISREG(st2.st_mode));
    LKMC_ASSERT_EQ(st2.st_ino, st.st_ino);

    LKMC_SYS(stat(".", &st2));
    LKMC_ASSERT(S_ISDIR(st2.st_mode));
    LKMC_ASSERT_EQ(stat("stat.missing", &st2), -1);

    unlink("stat.sym");
    unlink("stat.link");
    unlink("stat.tmp");
    printf("inode %lu\n", (unsigned long)st.st_ino);
    return 0;
}
