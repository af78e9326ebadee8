/* ADC and SBC: add and subtract with the carry flag, chaining 64-bit
 * operations into 128-bit ones (ADDS/ADCS, SUBS/SBCS). Remember that C is
 * "not borrow" after a subtraction.
 *
 * Run: lkmc run --userland userland/arch/aarch64/adc_sbc.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* (2^64 - 1) + 1 = 2^64, as x1:x0 + x3:x2 */
    mov x0, -1
    mov x1, 0
    mov x2, 1
    mov x3, 0
    adds x4, x0, x2
    adc x5, x1, x3
    LKMC_ASSERT_EQ(x4, 0)
    LKMC_ASSERT_EQ(x5, 1)

    /* 2^64 - 1 = x5:x4 - x3:x2 */
    subs x6, x4, x2
    sbc x7, x5, x3
    LKMC_ASSERT_EQ(x6, 0xffffffffffffffff)
    LKMC_ASSERT_EQ(x7, 0)

    /* adc with xzr adds just the carry. */
    mov x8, -1
    adds x9, x8, 3
    adc x10, xzr, xzr
    LKMC_ASSERT_EQ(x10, 1)
    /* sbc xzr, xzr: -1 if borrow (C clear), else 0. 0 - 1 borrows. (In
     * cmp with an immediate, register 31 means sp, not xzr.) */
    mov x12, 0
    cmp x12, 1
    sbc x11, xzr, xzr
    LKMC_ASSERT_EQ(x11, -1)
LKMC_EPILOGUE
