/* Logical instructions: AND, ORR, EOR, BIC (and not), MVN (not), ORN
 * (Thumb-2 only, so not here), with the barrel shifter available on the
 * second operand.
 *
 * Run: lkmc run --userland userland/arch/arm/logical.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movw r0, #0xf0f0
    and r1, r0, #0xff00
    LKMC_ASSERT_EQ(r1, 0xf000)
    orr r2, r1, #0xf
    LKMC_ASSERT_EQ(r2, 0xf00f)
    movw r3, #0xffff
    eor r4, r2, r3
    LKMC_ASSERT_EQ(r4, 0x0ff0)
    mvn r5, r4
    LKMC_ASSERT_EQ(r5, 0xfffff00f)

    mov r6, #0xff
    bic r7, r6, #0x0f
    LKMC_ASSERT_EQ(r7, 0xf0)

    /* Shifted second operand: r6 & (r8 << 4) */
    mov r8, #0x3
    and r9, r6, r8, lsl #4
    LKMC_ASSERT_EQ(r9, 0x30)

    /* XOR swap. */
    mov r10, #1
    mov r11, #2
    eor r10, r10, r11
    eor r11, r11, r10
    eor r10, r10, r11
    LKMC_ASSERT_EQ(r10, 2)
    LKMC_ASSERT_EQ(r11, 1)
LKMC_EPILOGUE
