/* poll: wait until one of several file descriptors is ready. A pipe's read
 * end becomes readable (POLLIN) when data arrives and reports POLLHUP when
 * the writer closes; a timeout of 0 just checks.
 *
 * Run: lkmc run --userland userland/posix/poll.c --arch aarch64
 */
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int a[2], b[2];
    char c;
    LKMC_SYS(pipe(a));
    LKMC_SYS(pipe(b));
    struct pollfd fds[2] = {{a[0], POLLIN, 0}, {b[0], POLLIN, 0}};

    /* Nothing to read yet: a 10 ms timeout expires. */
    LKMC_ASSERT_EQ(LKMC_SYS(poll(fds, 2, 10)), 0);

    LKMC_ASSERT_EQ(write(b[1], "x", 1), 1);
    LKMC_ASSERT_EQ(LKMC_SYS(poll(fds, 2, 1000)), 1);
    LKMC_ASSERT_EQ(fds[0].revents, 0);
    LKMC_ASSERT(fds[1].revents & POLLIN);
    LKMC_ASSERT_EQ(read(b[0], &c, 1), 1);

    /* The write end of a pipe is writable while its buffer has room. */
    struct pollfd w = {a[1], POLLOUT, 0};
    LKMC_ASSERT_EQ(poll(&w, 1, 0), 1);
    LKMC_ASSERT(w.revents & POLLOUT);

    close(a[1]);
    LKMC_ASSERT_EQ(poll(fds, 1, 0), 1);
    LKMC_ASSERT(fds[0].revents & POLLHUP);
    puts("poll ok");
    return 0;
}
