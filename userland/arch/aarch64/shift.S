/* Shifts and rotates: LSL, LSR (logical), ASR (arithmetic: copies the sign),
 * ROR; by immediate or by register (amount taken modulo 64). Most data
 * instructions can also shift their last register operand for free.
 *
 * Run: lkmc run --userland userland/arch/aarch64/shift.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 1
    lsl x1, x0, 4
    LKMC_ASSERT_EQ(x1, 16)

    mov x2, -16
    lsr x3, x2, 2
    LKMC_ASSERT_EQ(x3, 0x3ffffffffffffffc)
    asr x4, x2, 2
    LKMC_ASSERT_EQ(x4, -4)

    mov x5, 0x8000000000000001
    ror x6, x5, 1
    LKMC_ASSERT_EQ(x6, 0xc000000000000000)

    /* By register, modulo 64: a shift by 65 is a shift by 1. */
    mov x7, 65
    lsl x8, x0, x7
    LKMC_ASSERT_EQ(x8, 2)

    /* Free shift in an add: x0 + (x1 << 2) */
    add x9, x0, x1, lsl 2
    LKMC_ASSERT_EQ(x9, 65)
    /* and in a sub with asr: 0 - (-16 >> 2) */
    sub x10, xzr, x2, asr 2
    LKMC_ASSERT_EQ(x10, 4)

    /* 32-bit shifts work on the low half and zero the top. */
    mov x11, 0xffffffff80000000
    lsr w12, w11, 31
    LKMC_ASSERT_EQ(x12, 1)
    asr w13, w11, 31
    LKMC_ASSERT_EQ(x13, 0xffffffff)
LKMC_EPILOGUE
