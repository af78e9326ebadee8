/* Loads and stores: LDR/STR (32 bits), LDRH/STRH, LDRB/STRB, the
 * sign-extending LDRSB/LDRSH, and LDRD/STRD (a 64-bit pair of registers,
 * even/odd numbered in ARM state).
 *
 * Run: lkmc run --userland userland/arch/arm/ldr_str.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, data
    ldr r1, [r0]
    LKMC_ASSERT_EQ(r1, 0x44332211)
    ldrh r2, [r0]
    LKMC_ASSERT_EQ(r2, 0x2211)
    ldrb r3, [r0, #7]
    LKMC_ASSERT_EQ(r3, 0x88)
    ldrsb r4, [r0, #7]
    LKMC_ASSERT_EQ(r4, 0xffffff88)
    ldrsh r5, [r0, #6]
    LKMC_ASSERT_EQ(r5, 0xffff8877)

    ldrd r6, r7, [r0]
    LKMC_ASSERT_EQ(r6, 0x44332211)
    LKMC_ASSERT_EQ(r7, 0x88776655)

    /* Stores go to the stack (8-byte aligned for strd). */
    sub sp, sp, #8
    mvn r8, #0
    str r8, [sp]
    mov r9, #0
    strb r9, [sp]
    strh r9, [sp, #2]
    ldr r10, [sp]
    LKMC_ASSERT_EQ(r10, 0x0000ff00)
    strd r6, r7, [sp]
    ldr r11, [sp, #4]
    LKMC_ASSERT_EQ(r11, 0x88776655)
    add sp, sp, #8
LKMC_EPILOGUE

.balign 8
data:
    .word 0x44332211, 0x88776655
