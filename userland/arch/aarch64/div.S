/* Division: UDIV and SDIV (quotient truncated toward zero; the remainder
 * takes an extra MSUB). Unlike x86, dividing by zero does not trap: the
 * result is simply 0. INT64_MIN / -1 gives INT64_MIN, also without a trap.
 *
 * Run: lkmc run --userland userland/arch/aarch64/div.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 100
    mov x1, 7
    udiv x2, x0, x1
    LKMC_ASSERT_EQ(x2, 14)
    /* remainder = x0 - x2 * x1 */
    msub x3, x2, x1, x0
    LKMC_ASSERT_EQ(x3, 2)

    mov x0, -7
    mov x1, 2
    sdiv x2, x0, x1
    LKMC_ASSERT_EQ(x2, -3)
    msub x3, x2, x1, x0
    LKMC_ASSERT_EQ(x3, -1)

    /* Unsigned view of -7. */
    udiv x4, x0, x1
    LKMC_ASSERT_EQ(x4, 0x7ffffffffffffffc)

    /* Division by zero: 0, no exception. */
    mov x5, 0
    udiv x6, x0, x5
    LKMC_ASSERT_EQ(x6, 0)
    sdiv x6, x0, x5
    LKMC_ASSERT_EQ(x6, 0)

    /* Overflow: INT64_MIN / -1 = INT64_MIN. */
    mov x7, 0x8000000000000000
    mov x8, -1
    sdiv x9, x7, x8
    LKMC_ASSERT_EQ(x9, 0x8000000000000000)
LKMC_EPILOGUE
