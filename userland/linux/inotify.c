/* inotify: watch a directory for changes. Creating, writing and deleting a
 * file in it produces IN_CREATE, IN_MODIFY, IN_CLOSE_WRITE and IN_DELETE
 * events, read as variable-length struct inotify_event records.
 * Needs CONFIG_INOTIFY_USER.
 *
 * Run: lkmc run --userland userland/linux/inotify.c --arch aarch64
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    uint32_t seen = 0;
    LKMC_SYS(mkdir("inotify.dir", 0700));
    int in = LKMC_SYS(inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    int wd = LKMC_SYS(inotify_add_watch(in, "inotify.dir",
            IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE));

    int fd = LKMC_SYS(open("inotify.dir/file", O_CREAT | O_WRONLY, 0600));
    LKMC_ASSERT_EQ(write(fd, "x", 1), 1);
    close(fd);
    LKMC_SYS(unlink("inotify.dir/file"));

    ssize_t n = LKMC_SYS(read(in, buf, sizeof buf));
    for (char *p = buf; p < buf + n;) {
        struct inotify_event *e = (struct inotify_event *)p;
        printf("wd %d mask 0x%x name %s\n", e->wd, e->mask, e->len ? e->name : "");
        LKMC_ASSERT_EQ(e->wd, wd);
        LKMC_ASSERT_STREQ(e->name, "file");
        seen |= e->mask;
        p += sizeof *e + e->len;
    }
    LKMC_ASSERT(seen & IN_CREATE);
    LKMC_ASSERT(seen & IN_MODIFY);
    LKMC_ASSERT(seen & IN_CLOSE_WRITE);
    LKMC_ASSERT(seen & IN_DELETE);
    LKMC_SYS(inotify_rm_watch(in, wd));
    close(in);
    LKMC_SYS(rmdir("inotify.dir"));
    return 0;
}
