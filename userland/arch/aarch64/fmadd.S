/* FMADD, FMSUB, FNMADD: fused multiply-add with a single rounding. With
 * a = 1 + 2^-30, a * a = 1 + 2^-29 + 2^-60 needs 61 bits: fused, a * a -
 * round(a * a) is exactly 2^-60; a separate multiply and subtract gives 0.
 *
 * Run: lkmc run --userland userland/arch/aarch64/fmadd.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* 2 * 3 + 4 = 10 */
    fmov d0, 2.0
    fmov d1, 3.0
    fmov d2, 4.0
    fmadd d3, d0, d1, d2
    fmov x0, d3
    LKMC_ASSERT_EQ(x0, 0x4024000000000000)
    /* 4 - 2 * 3 = -2 */
    fmsub d4, d0, d1, d2
    fmov x0, d4
    LKMC_ASSERT_EQ(x0, 0xc000000000000000)

    ldr x1, =0x3ff0000000400000
    fmov d5, x1
    fmul d6, d5, d5
    /* d7 = d5 * d5 - d6, fused */
    fnmsub d7, d5, d5, d6
    fmov x0, d7
    LKMC_ASSERT_EQ(x0, 0x3c30000000000000)
    /* Unfused. */
    fmul d8, d5, d5
    fsub d9, d8, d6
    fmov x0, d9
    LKMC_ASSERT_EQ(x0, 0)
LKMC_EPILOGUE
