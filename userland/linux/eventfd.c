/* eventfd: a 64-bit counter behind a file descriptor. write adds to it, read
 * returns it and resets it to 0 (or, with EFD_SEMAPHORE, returns 1 and
 * decrements). Cheap notification between threads or processes, and it
 * works with poll/epoll.
 *
 * Run: lkmc run --userland userland/linux/eventfd.c --arch aarch64
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    uint64_t v;
    int fd = LKMC_SYS(eventfd(0, EFD_NONBLOCK));
    /* Counter at 0: a non-blocking read fails. */
    LKMC_ASSERT_EQ(read(fd, &v, sizeof v), -1);
    LKMC_ASSERT_EQ(errno, EAGAIN);
    v = 3;
    LKMC_ASSERT_EQ(write(fd, &v, sizeof v), 8);
    v = 4;
    LKMC_ASSERT_EQ(write(fd, &v, sizeof v), 8);
    LKMC_ASSERT_EQ(read(fd, &v, sizeof v), 8);
    LKMC_ASSERT_EQ(v, 7);
    LKMC_ASSERT_EQ(read(fd, &v, sizeof v), -1);
    /* Reads and writes must be exactly 8 bytes. */
    LKMC_ASSERT_EQ(write(fd, &v, 4), -1);
    LKMC_ASSERT_EQ(errno, EINVAL);
    close(fd);

    fd = LKMC_SYS(eventfd(2, EFD_NONBLOCK | EFD_SEMAPHORE));
    LKMC_ASSERT_EQ(read(fd, &v, sizeof v), 8);
    LKMC_ASSERT_EQ(v, 1);
    LKMC_ASSERT_EQ(read(fd, &v, sizeof v), 8);
    LKMC_ASSERT_EQ(v, 1);
    LKMC_ASSERT_EQ(read(fd, &v, sizeof v), -1);
    close(fd);
    puts("eventfd ok");
    return 0;
}
