/* select: the older interface to wait for readiness on a set of descriptors
 * (fd_set bit masks, limited to FD_SETSIZE), with a timeout.
 *
 * Run: lkmc run --userland userland/posix/select.c --arch aarch64
 */
#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int p[2];
    fd_set rfds;
    struct timeval tv = {0, 10000};
    LKMC_SYS(pipe(p));

    FD_ZERO(&rfds);
    FD_SET(p[0], &rfds);
    LKMC_ASSERT_EQ(LKMC_SYS(select(p[0] + 1, &rfds, NULL, NULL, &tv)), 0);
    /* On timeout the set is cleared. */
    LKMC_ASSERT(!FD_ISSET(p[0], &rfds));

    LKMC_ASSERT_EQ(write(p[1], "hi", 2), 2);
    FD_ZERO(&rfds);
    FD_SET(p[0], &rfds);
    tv.tv_sec = 1;
    tv.tv_usec = 0;
    LKMC_ASSERT_EQ(LKMC_SYS(select(p[0] + 1, &rfds, NULL, NULL, &tv)), 1);
    LKMC_ASSERT(FD_ISSET(p[0], &rfds));
    printf("FD_SETSIZE %d\n", FD_SETSIZE);
    return 0;
}
