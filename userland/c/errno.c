/* errno and strerror: library calls report why they failed through errno,
 * which is only meaningful right after a failure (thread-local in glibc).
 *
 * Run: lkmc run --userland userland/c/errno.c --arch aarch64
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    errno = 0;
    FILE *f = fopen("/nonexistent/lkmc", "r");
    LKMC_ASSERT(f == NULL);
    LKMC_ASSERT_EQ(errno, ENOENT);
    printf("fopen: %s\n", strerror(errno));
    LKMC_ASSERT_STREQ(strerror(ENOENT), "No such file or directory");

    /* perror prints "prefix: message" on stderr. */
    perror("expected failure");

    /* libm reports domain errors through errno too (math_errhandling). */
    errno = 0;
    volatile double minus_one = -1.0;
    double r = log(minus_one);
    LKMC_ASSERT(isnan(r));
    LKMC_ASSERT_EQ(errno, EDOM);
    return 0;
}
