/* O_TMPFILE: create a file with no name in a directory. It disappears when
 * closed, unless it is given a name with linkat, so a file can be fully
 * written before it appears atomically.
 *
 * Tries the current directory, then /tmp and /dev/shm, because not every
 * filesystem supports O_TMPFILE (EOPNOTSUPP, e.g. 9p).
 *
 * Run: lkmc run --userland userland/linux/open_o_tmpfile.c --arch aarch64
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    const char *dirs[] = {".", "/tmp", "/dev/shm"};
    const char *dir = NULL;
    int fd = -1;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && fd == -1; i++) {
        fd = open(dirs[i], O_TMPFILE | O_RDWR, 0600);
        if (fd == -1)
            printf("O_TMPFILE in %s: %s\n", dirs[i], strerror(errno));
        else
            dir = dirs[i];
    }
    if (fd == -1)
        LKMC_FAIL("no directory supports O_TMPFILE");
    printf("O_TMPFILE in %s\n", dir);

    struct stat st;
    LKMC_SYS(fstat(fd, &st));
    /* No name refers to it yet. */
    LKMC_ASSERT_EQ(st.st_nlink, 0);
    LKMC_ASSERT_EQ(write(fd, "data", 4), 4);

    char fdpath[64], name[256];
    snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fd);
    snprintf(name, sizeof name, "%s/lkmc_o_tmpfile_%d", dir, (int)getpid());
    LKMC_SYS(linkat(AT_FDCWD, fdpath, AT_FDCWD, name, AT_SYMLINK_FOLLOW));
    LKMC_SYS(fstat(fd, &st));
    LKMC_ASSERT_EQ(st.st_nlink, 1);
    LKMC_SYS(stat(name, &st));
    LKMC_ASSERT_EQ(st.st_size, 4);
    close(fd);
    LKMC_SYS(unlink(name));
    return 0;
}
