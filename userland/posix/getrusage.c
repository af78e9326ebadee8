/* getrusage: resource usage of this process (RUSAGE_SELF) and of its waited
 * for children (RUSAGE_CHILDREN): CPU time, maximum resident set size, page
 * faults.
 *
 * Run: lkmc run --userland userland/posix/getrusage.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

static long long us(struct timeval t) {
    return (long long)t.tv_sec * 1000000 + t.tv_usec;
}

int main(void) {
    struct rusage before, after, children;
    LKMC_SYS(getrusage(RUSAGE_SELF, &before));

    /* Use CPU and touch 32 MiB of fresh memory. */
    size_t size = 32 << 20;
    char *p = malloc(size);
    LKMC_ASSERT(p != NULL);
    memset(p, 1, size);
    volatile unsigned long x = 0;
    for (unsigned long i = 0; i < 10000000; i++)
        x += i;

    LKMC_SYS(getrusage(RUSAGE_SELF, &after));
    printf("user %lld us, sys %lld us, maxrss %ld KiB, minor faults %ld\n",
            us(after.ru_utime), us(after.ru_stime), after.ru_maxrss, after.ru_minflt);
    LKMC_ASSERT(us(after.ru_utime) + us(after.ru_stime) > us(before.ru_utime) + us(before.ru_stime));
    LKMC_ASSERT(after.ru_maxrss >= 32 * 1024);
    /* Each newly touched page faulted at least once (fewer with huge pages). */
    LKMC_ASSERT(after.ru_minflt > before.ru_minflt);
    free(p);

    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        for (unsigned long i = 0; i < 10000000; i++)
            x += i;
        _exit(0);
    }
    LKMC_SYS(waitpid(pid, NULL, 0));
    LKMC_SYS(getrusage(RUSAGE_CHILDREN, &children));
    LKMC_ASSERT(us(children.ru_utime) + us(children.ru_stime) > 0);
    return 0;
}
