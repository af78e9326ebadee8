/* Branches: B, conditional B<cond> after flag-setting instructions (signed:
 * lt/gt/le/ge; unsigned: lo/hi/ls/hs), and BX to an address in a register.
 *
 * Run: lkmc run --userland userland/arch/arm/branch.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #0
    b 1f
    mov r0, #1
1:
    LKMC_ASSERT_EQ(r0, 0)

    mvn r1, #0
    mov r2, #1
    cmp r1, r2
    blt 2f
    LKMC_ASSERT_FAIL
2:
    cmp r1, r2
    bhi 3f
    LKMC_ASSERT_FAIL
3:
    adr r3, 4f
    bx r3
    LKMC_ASSERT_FAIL
4:
    mov r4, #0
    cmp r2, #5
    bgt 5f
    mov r4, #1
5:
    LKMC_ASSERT_EQ(r4, 1)
LKMC_EPILOGUE
