/* CCMP: conditional compare. If the condition holds, compare; otherwise set
 * the flags to a given immediate NZCV. Chains && and || without branches:
 * here 10 <= x <= 20.
 *
 * Run: lkmc run --userland userland/arch/aarch64/ccmp.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* in_range(x) = x >= 10 && x <= 20 */
    mov x0, 15
    bl in_range
    LKMC_ASSERT_EQ(x0, 1)
    mov x0, 5
    bl in_range
    LKMC_ASSERT_EQ(x0, 0)
    mov x0, 25
    bl in_range
    LKMC_ASSERT_EQ(x0, 0)
    mov x0, 20
    bl in_range
    LKMC_ASSERT_EQ(x0, 1)

    /* x == 1 || x == 7 */
    mov x1, 7
    cmp x1, 1
    /* If not equal, compare with 7; if equal, force Z=1 (nzcv = 0b0100). */
    ccmp x1, 7, 4, ne
    cset x2, eq
    LKMC_ASSERT_EQ(x2, 1)
LKMC_EPILOGUE

in_range:
    cmp x0, 10
    /* If x >= 10, compare x with 20; else flags = 0 (so "le" is false:
     * le needs Z=1 or N!=V, and nzcv 0b0000 has neither). */
    ccmp x0, 20, 0, ge
    cset x0, le
    ret
