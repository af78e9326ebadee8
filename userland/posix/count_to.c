/* count_to [N [MS]]: count from 1 to N (default 3), one number every MS
 * milliseconds (default 1000), and check with CLOCK_MONOTONIC that the
 * whole thing took at least (N - 1) * MS.
 *
 * Run: lkmc run --userland userland/posix/count_to.c --arch aarch64 --cli-args '5 200'
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 0) : 3;
    long ms = argc > 2 ? strtol(argv[2], NULL, 0) : 1000;
    struct timespec t0, t1, period = {ms / 1000, (ms % 1000) * 1000000};
    LKMC_ASSERT(n >= 1 && ms >= 0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 1; i <= n; i++) {
        printf("%ld\n", i);
        fflush(stdout);
        if (i < n)
            nanosleep(&period, NULL);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long elapsed = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("took %ld ms\n", elapsed);
    LKMC_ASSERT(elapsed >= (n - 1) * ms);
    return 0;
}
