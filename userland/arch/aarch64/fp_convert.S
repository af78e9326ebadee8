/* Conversions: SCVTF/UCVTF (integer to float), FCVTZS/FCVTZU (to integer,
 * toward zero: C casts), FCVTNS (to nearest, ties to even), FCVTMS (toward
 * minus infinity: floor), FCVT (between single and double), FRINTA (round,
 * ties away). Out of range values saturate instead of being undefined.
 *
 * Run: lkmc run --userland userland/arch/aarch64/fp_convert.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, -3
    scvtf d0, x0
    fmov x1, d0
    LKMC_ASSERT_EQ(x1, 0xc008000000000000)

    fmov d1, -2.5
    fcvtzs x2, d1
    LKMC_ASSERT_EQ(x2, -2)
    fcvtns x3, d1
    LKMC_ASSERT_EQ(x3, -2)
    fcvtms x4, d1
    LKMC_ASSERT_EQ(x4, -3)
    fcvtas x5, d1
    LKMC_ASSERT_EQ(x5, -3)

    /* Negative to unsigned saturates to 0; huge to signed saturates. */
    fcvtzu x6, d1
    LKMC_ASSERT_EQ(x6, 0)
    ldr x7, =0x7ff0000000000000
    fmov d2, x7
    fcvtzs x8, d2
    LKMC_ASSERT_EQ(x8, 0x7fffffffffffffff)

    /* double -> single -> double loses precision. */
    ldr x9, =0x3fb999999999999a
    fmov d3, x9
    fcvt s4, d3
    fmov w10, s4
    /* 0.1f */
    LKMC_ASSERT_EQ(x10, 0x3dcccccd)
    fcvt d5, s4
    fmov x11, d5
    LKMC_ASSERT_EQ(x11, 0x3fb99999a0000000)

    /* Unsigned 2^64 - 1 to double rounds up to 2^64. */
    mov x12, -1
    ucvtf d6, x12
    fmov x13, d6
    LKMC_ASSERT_EQ(x13, 0x43f0000000000000)
LKMC_EPILOGUE
