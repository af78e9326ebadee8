/* Resource limits: getrlimit/setrlimit. Lowering RLIMIT_NOFILE makes open
 * fail with EMFILE once the limit is reached; the soft limit can be raised
 * back up to the hard limit.
 *
 * Run: lkmc run --userland userland/posix/rlimit.c --arch aarch64
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    struct rlimit old, rl;
    LKMC_SYS(getrlimit(RLIMIT_NOFILE, &old));
    printf("RLIMIT_NOFILE soft %llu hard %llu\n",
            (unsigned long long)old.rlim_cur, (unsigned long long)old.rlim_max);
    LKMC_ASSERT(old.rlim_cur <= old.rlim_max);

    rl = old;
    rl.rlim_cur = 10;
    LKMC_SYS(setrlimit(RLIMIT_NOFILE, &rl));
    int fds[16], n = 0;
    for (;;) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd == -1) {
            LKMC_ASSERT_EQ(errno, EMFILE);
            break;
        }
        LKMC_ASSERT(fd < 10);
        LKMC_ASSERT(n < 16);
        fds[n++] = fd;
    }
    printf("opened %d more descriptors before EMFILE\n", n);
    while (n)
        close(fds[--n]);
    LKMC_SYS(setrlimit(RLIMIT_NOFILE, &old));

    LKMC_SYS(getrlimit(RLIMIT_STACK, &rl));
    LKMC_ASSERT(rl.rlim_cur > 0);
    return 0;
}
