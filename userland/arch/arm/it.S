/* Thumb-2 IT (if-then) blocks: Thumb instructions have no condition field,
 * so IT makes up to the next four instructions conditional, each "then"
 * (the condition) or "else" (its opposite): ITE, ITTE, ...
 *
 * Run: lkmc run --userland userland/arch/arm/it.S --arch arm
 */
#include <lkmc.h>

.thumb

LKMC_PROLOGUE
    /* r2 = max(r0, r1) */
    mvn r0, #4
    mov r1, #3
    cmp r0, r1
    ite ge
    movge r2, r0
    movlt r2, r1
    LKMC_ASSERT_EQ(r2, 3)

    /* abs(r0) */
    cmp r0, #0
    it lt
    rsblt r0, r0, #0
    LKMC_ASSERT_EQ(r0, 5)

    /* Then, then, else. */
    mov r3, #1
    cmp r3, #1
    itte eq
    addeq r4, r3, #10
    addeq r4, r4, #10
    movne r4, #0
    LKMC_ASSERT_EQ(r4, 21)
LKMC_EPILOGUE
