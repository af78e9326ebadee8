/* Scalar floating point: d registers (double) and s registers (single).
 * FADD, FSUB, FMUL, FDIV, FSQRT, FABS, FNEG, FMIN/FMAX, all IEEE 754.
 * fmov copies raw bits between x and d registers for checking.
 *
 * Run: lkmc run --userland userland/arch/aarch64/fp.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    fmov d0, 1.5
    fmov d1, 2.0
    fadd d2, d0, d1
    fmov x0, d2
    /* 3.5 */
    LKMC_ASSERT_EQ(x0, 0x400c000000000000)
    fmul d3, d0, d1
    fmov x0, d3
    LKMC_ASSERT_EQ(x0, 0x4008000000000000)
    fsub d4, d0, d1
    fmov x0, d4
    /* -0.5 */
    LKMC_ASSERT_EQ(x0, 0xbfe0000000000000)
    fabs d5, d4
    fneg d6, d5
    fmov x0, d6
    LKMC_ASSERT_EQ(x0, 0xbfe0000000000000)

    /* 1 / 3 */
    fmov d7, 1.0
    fmov d8, 3.0
    fdiv d9, d7, d8
    fmov x0, d9
    LKMC_ASSERT_EQ(x0, 0x3fd5555555555555)

    fsqrt d10, d1
    fmov x0, d10
    LKMC_ASSERT_EQ(x0, 0x3ff6a09e667f3bcd)

    fmax d11, d0, d1
    fmov x0, d11
    LKMC_ASSERT_EQ(x0, 0x4000000000000000)

    /* Single precision. */
    fmov s12, 0.25
    fadd s13, s12, s12
    fmov w0, s13
    LKMC_ASSERT_EQ(x0, 0x3f000000)

    /* 1/0 = +inf without trapping. */
    fmov d14, xzr
    fdiv d15, d7, d14
    fmov x0, d15
    LKMC_ASSERT_EQ(x0, 0x7ff0000000000000)
LKMC_EPILOGUE
