/* Logical instructions: AND, ORR, EOR, and the negated-operand forms BIC
 * (and not), ORN (or not), EON (xor not), MVN; ANDS/TST set flags.
 * Immediates must be "bitmask immediates" (rotated runs of ones).
 *
 * Run: lkmc run --userland userland/arch/aarch64/logical.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0xf0f0
    and x1, x0, 0xff00
    LKMC_ASSERT_EQ(x1, 0xf000)
    orr x2, x1, 0xf
    LKMC_ASSERT_EQ(x2, 0xf00f)
    eor x3, x2, 0xffff
    LKMC_ASSERT_EQ(x3, 0x0ff0)
    mvn x4, x3
    LKMC_ASSERT_EQ(x4, 0xfffffffffffff00f)

    /* bic: clear the bits that are set in the second operand. */
    mov x5, 0xff
    mov x6, 0x0f
    bic x7, x5, x6
    LKMC_ASSERT_EQ(x7, 0xf0)
    orn x8, xzr, x6
    LKMC_ASSERT_EQ(x8, 0xfffffffffffffff0)
    eon x9, x5, x6
    LKMC_ASSERT_EQ(x9, 0xffffffffffffff0f)

    /* Shifted register operand: x5 & (x6 << 4) */
    and x10, x5, x6, lsl 4
    LKMC_ASSERT_EQ(x10, 0xf0)

    /* ands sets N and Z. */
    mov x11, 0x8000000000000000
    ands x12, x11, x11
    cset x13, mi
    LKMC_ASSERT_EQ(x13, 1)
LKMC_EPILOGUE
