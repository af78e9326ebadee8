/* Sign and zero extension: SXTB, SXTH, UXTB, UXTH, optionally rotating the
 * source first, and the accumulate forms UXTAB/SXTAH that add the extended
 * value to another register.
 *
 * Run: lkmc run --userland userland/arch/arm/extend.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #0x80
    sxtb r1, r0
    LKMC_ASSERT_EQ(r1, 0xffffff80)
    uxtb r2, r0
    LKMC_ASSERT_EQ(r2, 0x80)

    movw r3, #0x8000
    movt r3, #1
    sxth r4, r3
    LKMC_ASSERT_EQ(r4, 0xffff8000)
    uxth r5, r3
    LKMC_ASSERT_EQ(r5, 0x8000)

    /* Extract byte 1 by rotating 8 first. */
    movw r6, #0x3412
    uxtb r7, r6, ror #8
    LKMC_ASSERT_EQ(r7, 0x34)

    /* r8 = 100 + (uint8_t)r0 */
    mov r9, #100
    uxtab r8, r9, r0
    LKMC_ASSERT_EQ(r8, 228)
    sxtab r8, r9, r0
    LKMC_ASSERT_EQ(r8, -28)
LKMC_EPILOGUE
