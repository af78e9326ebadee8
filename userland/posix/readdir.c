/* Directories: create files, then list them with opendir/readdir (in no
 * particular order, including "." and ".."), d_type, and clean up.
 *
 * On 32-bit arm, readdir fails with EOVERFLOW when an inode number or
 * directory offset does not fit in 32 bits (as with ext4's hashed offsets on
 * a 64-bit host under QEMU user mode), unless _FILE_OFFSET_BITS is 64: then
 * the 64-bit getdents64 results are passed through unchanged.
 *
 * Run: lkmc run --userland userland/posix/readdir.c --arch aarch64
 */
#define _FILE_OFFSET_BITS 64
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    const char *names[] = {"a", "b", "c"};
    LKMC_SYS(mkdir("readdir.dir", 0700));
    for (int i = 0; i < 3; i++) {
        char path[64];
        snprintf(path, sizeof path, "readdir.dir/%s", names[i]);
        LKMC_SYS(close(LKMC_SYS(open(path, O_CREAT | O_WRONLY, 0600))));
    }
    LKMC_SYS(mkdir("readdir.dir/sub", 0700));

    DIR *d = opendir("readdir.dir");
    LKMC_ASSERT(d != NULL);
    int files = 0, dirs = 0, dots = 0;
    struct dirent *e;
    /* readdir returns NULL both at the end and on error: errno tells. */
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        printf("%s\n", e->d_name);
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            dots++;
            continue;
        }
        /* d_type may be DT_UNKNOWN on some filesystems: then use stat. */
        unsigned char type = e->d_type;
        if (type == DT_UNKNOWN) {
            struct stat st;
            char path[300];
            snprintf(path, sizeof path, "readdir.dir/%s", e->d_name);
            LKMC_SYS(stat(path, &st));
            type = S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
        }
        if (type == DT_DIR)
            dirs++;
        else if (type == DT_REG)
            files++;
    }
    if (errno != 0)
        LKMC_FAIL("readdir: %s", strerror(errno));
    LKMC_SYS(closedir(d));
    LKMC_ASSERT_EQ(dots, 2);
    LKMC_ASSERT_EQ(files, 3);
    LKMC_ASSERT_EQ(dirs, 1);

    for (int i = 0; i < 3; i++) {
        char path[64];
        snprintf(path, sizeof path, "readdir.dir/%s", names[i]);
        LKMC_SYS(unlink(path));
    }
    LKMC_SYS(rmdir("readdir.dir/sub"));
    LKMC_SYS(rmdir("readdir.dir"));
    return 0;
}
