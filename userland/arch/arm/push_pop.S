/* PUSH and POP: store/load multiple on sp, full descending (sp points at
 * the last item and the stack grows down). Popping into pc returns from a
 * function in one instruction.
 *
 * Run: lkmc run --userland userland/arch/arm/push_pop.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r4, sp
    mov r0, #1
    mov r1, #2
    push {r0, r1}
    sub r5, r4, sp
    LKMC_ASSERT_EQ(r5, 8)
    /* r0 is at the lower address, the top of the stack. */
    ldr r6, [sp]
    LKMC_ASSERT_EQ(r6, 1)
    pop {r2, r3}
    LKMC_ASSERT_EQ(r2, 1)
    LKMC_ASSERT_EQ(r3, 2)

    /* Swap through the stack. */
    push {r0}
    push {r1}
    pop {r0}
    pop {r1}
    LKMC_ASSERT_EQ(r0, 2)
    LKMC_ASSERT_EQ(r1, 1)

    mov r0, #5
    bl add_one
    LKMC_ASSERT_EQ(r0, 6)
LKMC_EPILOGUE

/* Saves lr with push and returns by popping it into pc. */
add_one:
    push {r4, lr}
    add r4, r0, #1
    mov r0, r4
    pop {r4, pc}
