/* Conditional select: CSEL picks one of two registers by a condition;
 * CSINC/CSINV/CSNEG increment, invert or negate the second; aliases CSET,
 * CSETM, CINC, CNEG. Branchless max, abs and booleans.
 *
 * Run: lkmc run --userland userland/arch/aarch64/csel.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* max(-5, 3) signed, and unsigned. */
    mov x0, -5
    mov x1, 3
    cmp x0, x1
    csel x2, x0, x1, gt
    LKMC_ASSERT_EQ(x2, 3)
    cmp x0, x1
    csel x3, x0, x1, hi
    LKMC_ASSERT_EQ(x3, -5)

    /* abs(x0) */
    cmp x0, 0
    cneg x4, x0, lt
    LKMC_ASSERT_EQ(x4, 5)

    /* Booleans. */
    cmp x1, 3
    cset x5, eq
    csetm x6, eq
    LKMC_ASSERT_EQ(x5, 1)
    LKMC_ASSERT_EQ(x6, -1)

    /* csinc: cond ? x0 : x1 + 1 */
    cmp x1, 4
    csinc x7, x0, x1, eq
    LKMC_ASSERT_EQ(x7, 4)
    /* csinv: cond ? x0 : ~x1 (compare again: the check above changed the
     * flags) */
    cmp x1, 4
    csinv x8, x0, x1, eq
    LKMC_ASSERT_EQ(x8, -4)
    /* cinc: count the matches without branching. */
    mov x9, 0
    cmp x1, 3
    cinc x9, x9, eq
    cmp x1, 7
    cinc x9, x9, eq
    LKMC_ASSERT_EQ(x9, 1)
LKMC_EPILOGUE
