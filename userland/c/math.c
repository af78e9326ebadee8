/* libm functions (linked with -lm): sqrt, pow, exp, log, trigonometry and
 * the rounding functions.
 *
 * Run: lkmc run --userland userland/c/math.c --arch aarch64
 */
#include <math.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    /* volatile: make the calls happen at run time, not at compile time. */
    volatile double two = 2.0, half = 0.5, minus = -2.5;

    LKMC_ASSERT_NEAR(sqrt(two) * sqrt(two), 2.0, 1e-15);
    LKMC_ASSERT_NEAR(pow(two, 10), 1024.0, 0);
    LKMC_ASSERT_NEAR(exp(log(two)), 2.0, 1e-15);
    LKMC_ASSERT_NEAR(sin(M_PI * half), 1.0, 1e-15);
    LKMC_ASSERT_NEAR(cos(M_PI), -1.0, 1e-15);
    LKMC_ASSERT_NEAR(atan2(1.0, 1.0), M_PI / 4, 1e-15);
    LKMC_ASSERT_NEAR(hypot(3.0, 4.0), 5.0, 1e-15);

    LKMC_ASSERT_NEAR(floor(minus), -3.0, 0);
    LKMC_ASSERT_NEAR(ceil(minus), -2.0, 0);
    LKMC_ASSERT_NEAR(trunc(minus), -2.0, 0);
    /* round: halfway cases away from zero; rint: to even (default mode). */
    LKMC_ASSERT_NEAR(round(minus), -3.0, 0);
    LKMC_ASSERT_NEAR(rint(minus), -2.0, 0);
    LKMC_ASSERT_NEAR(fmod(7.5, two), 1.5, 0);
    LKMC_ASSERT_NEAR(fabs(minus), 2.5, 0);
    LKMC_ASSERT(isnan(sqrt(-two)));
    printf("sqrt(2) = %.15f\n", sqrt(two));
    return 0;
}
