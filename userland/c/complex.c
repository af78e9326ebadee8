/* C99 complex numbers (complex.h): arithmetic, magnitude, and Euler's
 * identity e^(i*pi) = -1.
 *
 * Run: lkmc run --userland userland/c/complex.c --arch aarch64
 */
#include <complex.h>
#include <math.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    double complex z = 1.0 + 1.0 * I;
    double complex sq = z * z;
    LKMC_ASSERT_NEAR(creal(sq), 0.0, 1e-15);
    LKMC_ASSERT_NEAR(cimag(sq), 2.0, 1e-15);
    LKMC_ASSERT_NEAR(cabs(3.0 + 4.0 * I), 5.0, 1e-15);
    LKMC_ASSERT_NEAR(cimag(conj(z)), -1.0, 0);
    double complex e = cexp(I * M_PI);
    LKMC_ASSERT_NEAR(creal(e), -1.0, 1e-15);
    LKMC_ASSERT_NEAR(cimag(e), 0.0, 1e-15);
    printf("(1+i)^2 = %g%+gi\n", creal(sq), cimag(sq));
    return 0;
}
