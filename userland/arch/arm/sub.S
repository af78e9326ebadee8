/* SUB, RSB (reverse subtract) and SBC, with the S suffix to set flags; CMP
 * is SUBS without a result. After a subtraction, C set means "no borrow".
 *
 * Run: lkmc run --userland userland/arch/arm/sub.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #10
    sub r1, r0, #3
    LKMC_ASSERT_EQ(r1, 7)
    /* rsb: r2 = 100 - r0 (an immediate can only be the last operand). */
    rsb r2, r0, #100
    LKMC_ASSERT_EQ(r2, 90)
    /* Negation is rsb from 0. */
    rsb r3, r0, #0
    LKMC_ASSERT_EQ(r3, -10)

    /* 5 - 3: no borrow, C set. */
    mov r4, #5
    subs r5, r4, #3
    mrs r6, apsr
    and r6, r6, #0x20000000
    LKMC_ASSERT_EQ(r6, 0x20000000)
    /* 3 - 5: borrow, C clear, result negative. */
    mov r4, #3
    subs r5, r4, #5
    mrs r6, apsr
    and r6, r6, #0xa0000000
    LKMC_ASSERT_EQ(r6, 0x80000000)
    LKMC_ASSERT_EQ(r5, -2)

    cmp r0, #10
    moveq r7, #1
    movne r7, #0
    LKMC_ASSERT_EQ(r7, 1)
LKMC_EPILOGUE
