/* pipe2: pipe with flags applied atomically at creation: O_CLOEXEC (no race
 * with a concurrent fork+exec), O_NONBLOCK, O_DIRECT (packet mode: each
 * write is one read). F_GETPIPE_SZ/F_SETPIPE_SZ query and set the capacity.
 *
 * Run: lkmc run --userland userland/linux/pipe2.c --arch aarch64
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int p[2];
    char buf[64];
    LKMC_SYS(pipe2(p, O_CLOEXEC | O_NONBLOCK));
    LKMC_ASSERT(fcntl(p[0], F_GETFD) & FD_CLOEXEC);
    LKMC_ASSERT(fcntl(p[1], F_GETFL) & O_NONBLOCK);

    int size = LKMC_SYS(fcntl(p[1], F_GETPIPE_SZ));
    printf("pipe capacity %d\n", size);
    LKMC_ASSERT_EQ(size, 65536);
    /* Fill it: the non-blocking write then fails with EAGAIN. */
    long total = 0;
    for (;;) {
        ssize_t n = write(p[1], buf, sizeof buf);
        if (n == -1) {
            LKMC_ASSERT_EQ(errno, EAGAIN);
            break;
        }
        total += n;
    }
    LKMC_ASSERT_EQ(total, size);
    close(p[0]);
    close(p[1]);

    LKMC_SYS(pipe2(p, O_DIRECT));
    LKMC_ASSERT_EQ(write(p[1], "one", 3), 3);
    LKMC_ASSERT_EQ(write(p[1], "two", 3), 3);
    /* Packet mode: one write per read even with room for both. */
    LKMC_ASSERT_EQ(read(p[0], buf, sizeof buf), 3);
    LKMC_ASSERT_EQ(read(p[0], buf, sizeof buf), 3);
    return 0;
}
