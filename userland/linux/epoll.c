/* epoll: scalable readiness notification. Register descriptors once with
 * epoll_ctl, then epoll_wait returns only the ready ones, with the user data
 * given at registration. Level-triggered reports again until drained;
 * edge-triggered (EPOLLET) only on new activity.
 *
 * Run: lkmc run --userland userland/linux/epoll.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int p[2];
    struct epoll_event ev, out[4];
    LKMC_SYS(pipe(p));
    int efd = LKMC_SYS(eventfd(0, EFD_NONBLOCK));
    int ep = LKMC_SYS(epoll_create1(EPOLL_CLOEXEC));

    ev.events = EPOLLIN;
    ev.data.u64 = 100;
    LKMC_SYS(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    ev.events = EPOLLIN | EPOLLET;
    ev.data.u64 = 200;
    LKMC_SYS(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));

    LKMC_ASSERT_EQ(LKMC_SYS(epoll_wait(ep, out, 4, 10)), 0);

    LKMC_ASSERT_EQ(write(p[1], "ab", 2), 2);
    uint64_t one = 1;
    LKMC_ASSERT_EQ(write(efd, &one, 8), 8);
    int n = LKMC_SYS(epoll_wait(ep, out, 4, 1000));
    LKMC_ASSERT_EQ(n, 2);
    LKMC_ASSERT_EQ(out[0].data.u64 + out[1].data.u64, 300);

    /* Nothing was read. Level-triggered: the pipe is reported again;
     * edge-triggered: the eventfd is not. */
    n = LKMC_SYS(epoll_wait(ep, out, 4, 0));
    LKMC_ASSERT_EQ(n, 1);
    LKMC_ASSERT_EQ(out[0].data.u64, 100);

    char buf[2];
    LKMC_ASSERT_EQ(read(p[0], buf, 2), 2);
    LKMC_ASSERT_EQ(LKMC_SYS(epoll_wait(ep, out, 4, 0)), 0);

    LKMC_SYS(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
    close(ep);
    puts("epoll ok");
    return 0;
}
