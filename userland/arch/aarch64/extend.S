/* Sign and zero extension: SXTB/SXTH/SXTW, UXTB/UXTH, and the "extended
 * register" operand form (add x0, x1, w2, sxtw) that extends and
 * optionally shifts the second operand for free, as array indexing needs.
 *
 * Run: lkmc run --userland userland/arch/aarch64/extend.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0x80
    sxtb x1, w0
    LKMC_ASSERT_EQ(x1, 0xffffffffffffff80)
    uxtb w2, w0
    LKMC_ASSERT_EQ(x2, 0x80)

    mov x3, 0x18000
    sxth x4, w3
    LKMC_ASSERT_EQ(x4, 0xffffffffffff8000)
    uxth w5, w3
    LKMC_ASSERT_EQ(x5, 0x8000)

    mov x6, 0xffffffff
    sxtw x7, w6
    LKMC_ASSERT_EQ(x7, -1)
    /* Zero-extending a w into an x is just a 32-bit mov. */
    mov w8, w6
    LKMC_ASSERT_EQ(x8, 0xffffffff)

    /* Extended register operand: x9 = 100 + sign_extend(w6) * 4 */
    mov x10, 100
    add x9, x10, w6, sxtw 2
    LKMC_ASSERT_EQ(x9, 96)
    add x11, x10, w6, uxtw
    LKMC_ASSERT_EQ(x11, 0x100000063)
    /* Just the low byte of the operand. */
    add x12, x10, w0, uxtb
    LKMC_ASSERT_EQ(x12, 228)
LKMC_EPILOGUE
