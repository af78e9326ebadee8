/* Loops: sum 1..10 counting up with cmp/ble, counting down with subs/bne
 * (the decrement sets the flags), and nested loops.
 *
 * Run: lkmc run --userland userland/arch/arm/loop.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #0
    mov r1, #1
1:
    add r0, r0, r1
    add r1, r1, #1
    cmp r1, #10
    ble 1b
    LKMC_ASSERT_EQ(r0, 55)

    mov r0, #0
    mov r1, #10
2:
    add r0, r0, r1
    subs r1, r1, #1
    bne 2b
    LKMC_ASSERT_EQ(r0, 55)

    mov r0, #0
    mov r2, #3
3:
    mov r3, #4
4:
    add r0, r0, #1
    subs r3, r3, #1
    bne 4b
    subs r2, r2, #1
    bne 3b
    LKMC_ASSERT_EQ(r0, 12)
LKMC_EPILOGUE
