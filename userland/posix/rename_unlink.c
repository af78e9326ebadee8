/* rename atomically replaces the destination; unlink removes a name, and the
 * file's data lives on while a descriptor is still open on it.
 *
 * Run: lkmc run --userland userland/posix/rename_unlink.c --arch aarch64
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lkmc.h>

static void write_file(const char *path, const char *s) {
    int fd = LKMC_SYS(open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600));
    LKMC_ASSERT_EQ(write(fd, s, strlen(s)), strlen(s));
    close(fd);
}

int main(void) {
    char buf[16] = {0};
    write_file("rename.old", "old");
    write_file("rename.new", "new");
    /* The classic safe-save: write a new file, then rename over the old. */
    LKMC_SYS(rename("rename.new", "rename.old"));
    LKMC_ASSERT_EQ(access("rename.new", F_OK), -1);
    LKMC_ASSERT_EQ(errno, ENOENT);

    int fd = LKMC_SYS(open("rename.old", O_RDONLY));
    LKMC_SYS(unlink("rename.old"));
    /* The name is gone but the open file still works. */
    LKMC_ASSERT_EQ(access("rename.old", F_OK), -1);
    LKMC_ASSERT_EQ(read(fd, buf, sizeof buf - 1), 3);
    LKMC_ASSERT_STREQ(buf, "new");
    close(fd);
    puts("rename and unlink ok");
    return 0;
}
