/* FMOV: move between general and floating point registers as raw bits
 * (no conversion, unlike SCVTF), and load the small float constants that
 * fit the 8-bit immediate encoding (+-n/16 * 2^e, like 0.5, 1.0, 31.0).
 *
 * Run: lkmc run --userland userland/arch/aarch64/fmov.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    fmov d0, 1.0
    fmov x0, d0
    LKMC_ASSERT_EQ(x0, 0x3ff0000000000000)

    /* The integer 1 as bits is a tiny denormal, not 1.0. */
    mov x1, 1
    fmov d1, x1
    fcmp d1, 0.0
    cset x2, gt
    LKMC_ASSERT_EQ(x2, 1)
    fmov d2, 1.0
    fcmp d1, d2
    cset x3, lt
    LKMC_ASSERT_EQ(x3, 1)

    fmov s3, 31.0
    fmov w4, s3
    LKMC_ASSERT_EQ(x4, 0x41f80000)

    /* Upper half of a 128-bit v register. */
    mov x5, 0x1234
    fmov v4.d[1], x5
    fmov x6, v4.d[1]
    LKMC_ASSERT_EQ(x6, 0x1234)

    /* Register to register. */
    fmov d5, d0
    fmov x7, d5
    LKMC_ASSERT_EQ(x7, 0x3ff0000000000000)
LKMC_EPILOGUE
