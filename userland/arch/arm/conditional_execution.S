/* Conditional execution: in ARM state almost every instruction takes a
 * condition suffix and is skipped when it does not hold; no branch needed.
 * The S suffix chooses which instructions update the flags.
 *
 * Run: lkmc run --userland userland/arch/arm/conditional_execution.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* r2 = max(r0, r1), signed */
    mvn r0, #4
    mov r1, #3
    cmp r0, r1
    movge r2, r0
    movlt r2, r1
    LKMC_ASSERT_EQ(r2, 3)

    /* abs(r0) */
    cmp r0, #0
    rsblt r3, r0, #0
    movge r3, r0
    LKMC_ASSERT_EQ(r3, 5)

    /* gcd(48, 18) by repeated subtraction, branch-free body. */
    mov r4, #48
    mov r5, #18
1:
    cmp r4, r5
    subgt r4, r4, r5
    sublt r5, r5, r4
    bne 1b
    LKMC_ASSERT_EQ(r4, 6)

    /* Conditional loads and stores too. */
    mov r6, #0
    cmp r6, #0
    ldreq r7, value
    LKMC_ASSERT_EQ(r7, 99)
LKMC_EPILOGUE

value:
    .word 99
