/* SUB, SUBS and CMP: subtraction; the S forms set the NZCV flags, and CMP is
 * SUBS into the zero register. On arm, C after a subtraction means "no
 * borrow" (the opposite of x86's CF).
 *
 * Run: lkmc run --userland userland/arch/aarch64/sub.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 10
    sub x1, x0, 3
    LKMC_ASSERT_EQ(x1, 7)
    sub x2, x1, x0
    LKMC_ASSERT_EQ(x2, -3)

    /* 5 - 3: no borrow, so C is set. */
    mov x3, 5
    subs x4, x3, 3
    cset x5, cs
    LKMC_ASSERT_EQ(x5, 1)
    /* 3 - 5: borrow, C clear. */
    mov x3, 3
    subs x4, x3, 5
    cset x5, cs
    LKMC_ASSERT_EQ(x5, 0)
    LKMC_ASSERT_EQ(x4, -2)

    /* cmp only sets flags. */
    cmp x0, 10
    cset x6, eq
    LKMC_ASSERT_EQ(x6, 1)
    /* cmn compares with the negation: x0 + 10 == 0? */
    mov x7, -10
    cmn x7, 10
    cset x6, eq
    LKMC_ASSERT_EQ(x6, 1)

    /* Reverse subtract is spelled neg / sub from xzr. */
    sub x8, xzr, x0
    LKMC_ASSERT_EQ(x8, -10)
LKMC_EPILOGUE
