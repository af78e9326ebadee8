/* Addressing modes: [rn, #imm] (offset), [rn, #imm]! (pre-indexed with
 * writeback), [rn], #imm (post-indexed), [rn, rm, lsl #n] (scaled register),
 * and [rn, -rm] (subtracted register).
 *
 * Run: lkmc run --userland userland/arch/arm/addressing_modes.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, array
    ldr r1, [r0, #8]
    LKMC_ASSERT_EQ(r1, 30)

    mov r2, r0
    ldr r3, [r2, #4]!
    LKMC_ASSERT_EQ(r3, 20)
    sub r4, r2, r0
    LKMC_ASSERT_EQ(r4, 4)

    ldr r3, [r2], #4
    LKMC_ASSERT_EQ(r3, 20)
    sub r4, r2, r0
    LKMC_ASSERT_EQ(r4, 8)

    mov r5, #4
    ldr r6, [r0, r5, lsl #2]
    LKMC_ASSERT_EQ(r6, 50)

    /* Subtract the index: (array + 16)[-2] */
    add r7, r0, #16
    mov r8, #8
    ldr r9, [r7, -r8]
    LKMC_ASSERT_EQ(r9, 30)

    /* Sum with post-increment. */
    mov r10, r0
    mov r11, #0
    mov r12, #5
1:
    ldr r1, [r10], #4
    add r11, r11, r1
    subs r12, r12, #1
    bne 1b
    LKMC_ASSERT_EQ(r11, 150)
LKMC_EPILOGUE

.balign 4
array:
    .word 10, 20, 30, 40, 50
