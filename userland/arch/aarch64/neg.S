/* Negation: NEG (0 - x), NEGS (also sets flags), NGC (negate with carry,
 * for multi-word negation), and the conditional CNEG. The most negative
 * number is its own negation.
 *
 * Run: lkmc run --userland userland/arch/aarch64/neg.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 5
    neg x1, x0
    LKMC_ASSERT_EQ(x1, -5)

    mov x2, 0x8000000000000000
    negs x3, x2
    cset x4, vs
    LKMC_ASSERT_EQ(x3, 0x8000000000000000)
    LKMC_ASSERT_EQ(x4, 1)

    /* Negate the 128-bit value x6:x5 = 1 -> 2^128 - 1 (all ones). */
    mov x5, 1
    mov x6, 0
    negs x7, x5
    ngc x8, x6
    LKMC_ASSERT_EQ(x7, -1)
    LKMC_ASSERT_EQ(x8, -1)

    /* Negate only when the condition holds. */
    mov x9, -9
    cmp x9, 0
    cneg x10, x9, mi
    LKMC_ASSERT_EQ(x10, 9)
LKMC_EPILOGUE
