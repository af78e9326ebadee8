/* ADC and SBC: add and subtract with carry, to build 64-bit arithmetic from
 * 32-bit registers (ADDS then ADC, SUBS then SBC), as GCC does for
 * uint64_t on arm.
 *
 * Run: lkmc run --userland userland/arch/arm/adc_sbc.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* r1:r0 = 0x00000000ffffffff, r3:r2 = 1; sum in r5:r4 */
    mvn r0, #0
    mov r1, #0
    mov r2, #1
    mov r3, #0
    adds r4, r0, r2
    adc r5, r1, r3
    LKMC_ASSERT_EQ(r4, 0)
    LKMC_ASSERT_EQ(r5, 1)

    /* And back. */
    subs r6, r4, r2
    sbc r7, r5, r3
    LKMC_ASSERT_EQ(r6, 0xffffffff)
    LKMC_ASSERT_EQ(r7, 0)

    /* 64-bit negation: rsbs / rsc (ARM state only). */
    mov r8, #1
    mov r9, #0
    rsbs r10, r8, #0
    rsc r11, r9, #0
    LKMC_ASSERT_EQ(r10, 0xffffffff)
    LKMC_ASSERT_EQ(r11, 0xffffffff)
LKMC_EPILOGUE
