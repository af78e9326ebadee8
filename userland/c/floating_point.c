/* IEEE 754 floating point: rounding (0.1 + 0.2 != 0.3), epsilon, infinities,
 * NaN (not equal to itself), signed zero, and the bit patterns of doubles.
 *
 * Run: lkmc run --userland userland/c/floating_point.c --arch aarch64
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

static uint64_t bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

int main(void) {
    volatile double a = 0.1, b = 0.2;
    volatile double zero = 0.0;

    /* 0.1 and 0.2 are not exact in binary. */
    LKMC_ASSERT(a + b != 0.3);
    LKMC_ASSERT_NEAR(a + b, 0.3, 1e-15);

    /* DBL_EPSILON: the gap between 1 and the next double. */
    volatile double one = 1.0;
    LKMC_ASSERT(one + DBL_EPSILON != 1.0);
    LKMC_ASSERT(one + DBL_EPSILON / 2 == 1.0);

    /* Division by zero gives infinity, 0/0 gives NaN: no trap by default. */
    double inf = 1.0 / zero;
    double nan_ = zero / zero;
    LKMC_ASSERT(isinf(inf) && inf > 0);
    LKMC_ASSERT(isnan(nan_));
    LKMC_ASSERT(nan_ != nan_);
    LKMC_ASSERT(!(nan_ < 1.0) && !(nan_ >= 1.0));

    /* -0.0 == 0.0, but they have different bits and different reciprocals. */
    double nz = -zero;
    LKMC_ASSERT(nz == 0.0);
    LKMC_ASSERT(signbit(nz));
    LKMC_ASSERT(isinf(1.0 / nz) && 1.0 / nz < 0);

    /* Sign, 11-bit exponent biased by 1023, 52-bit fraction. */
    LKMC_ASSERT_EQ(bits(1.0), 0x3ff0000000000000);
    LKMC_ASSERT_EQ(bits(-2.0), (int64_t)0xc000000000000000);
    LKMC_ASSERT_EQ(bits(inf), 0x7ff0000000000000);

    /* float has 24 bits of precision: 2^24 + 1 is not representable. */
    volatile float f = 16777216.0f;
    LKMC_ASSERT(f + 1.0f == f);

    /* Conversion to int truncates toward zero. */
    volatile double x = -2.7;
    LKMC_ASSERT_EQ((int)x, -2);
    printf("0.1 + 0.2 = %.17g\n", a + b);
    return 0;
}
