/* Comparing floats: FCMP sets NZCV (an unordered result, with a NaN, gives
 * C and V set), so use the right conditions: mi/lt for "less than" differ on
 * NaN. FCSEL selects between two float registers without branching.
 *
 * Run: lkmc run --userland userland/arch/aarch64/fcmp_fcsel.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    fmov d0, 1.0
    fmov d1, 2.0
    fcmp d0, d1
    cset x0, mi
    LKMC_ASSERT_EQ(x0, 1)
    fcmp d0, d0
    cset x0, eq
    LKMC_ASSERT_EQ(x0, 1)

    /* NaN: unordered, NZCV = 0011. */
    ldr x1, =0x7ff8000000000000
    fmov d2, x1
    fcmp d2, d2
    mrs x2, nzcv
    LKMC_ASSERT_EQ(x2, 0x30000000)
    /* "lt" (N != V) is true for unordered, "mi" (N) is not. */
    fcmp d2, d0
    cset x3, lt
    LKMC_ASSERT_EQ(x3, 1)
    fcmp d2, d0
    cset x4, mi
    LKMC_ASSERT_EQ(x4, 0)
    fcmp d2, d0
    cset x5, vs
    LKMC_ASSERT_EQ(x5, 1)

    /* min(d0, d1) with fcsel. */
    fcmp d0, d1
    fcsel d3, d0, d1, mi
    fmov x6, d3
    LKMC_ASSERT_EQ(x6, 0x3ff0000000000000)

    /* Compare with zero directly. */
    fmov d4, -0.5
    fcmp d4, 0.0
    cset x7, lt
    LKMC_ASSERT_EQ(x7, 1)
LKMC_EPILOGUE
