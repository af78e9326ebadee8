/* BL and BX LR: bl puts the return address in lr (r14) and branches; a leaf
 * function returns with bx lr. A function that calls others must save lr
 * (push {lr} ... pop {pc}). BLX calls through a register.
 *
 * Run: lkmc run --userland userland/arch/arm/bl.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #20
    bl times3_plus1
    LKMC_ASSERT_EQ(r0, 61)

    bl get_lr
after:
    adr r1, after
    sub r2, r0, r1
    LKMC_ASSERT_EQ(r2, 0)

    mov r0, #5
    bl twice
    LKMC_ASSERT_EQ(r0, 49)

    adr r3, times3_plus1
    mov r0, #1
    blx r3
    LKMC_ASSERT_EQ(r0, 4)
LKMC_EPILOGUE

times3_plus1:
    add r0, r0, r0, lsl #1
    add r0, r0, #1
    bx lr

get_lr:
    mov r0, lr
    bx lr

twice:
    push {r4, lr}
    bl times3_plus1
    bl times3_plus1
    pop {r4, pc}
