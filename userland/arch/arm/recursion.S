/* Recursion: factorial(n) = n * factorial(n - 1), keeping n in callee-saved
 * r4 (saved with lr on each frame).
 *
 * Run: lkmc run --userland userland/arch/arm/recursion.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #10
    bl factorial
    LKMC_ASSERT_EQ(r0, 3628800)
    mov r0, #12
    bl factorial
    LKMC_ASSERT_EQ(r0, 479001600)
    mov r0, #0
    bl factorial
    LKMC_ASSERT_EQ(r0, 1)
LKMC_EPILOGUE

factorial:
    cmp r0, #1
    movls r0, #1
    bxls lr
    push {r4, lr}
    mov r4, r0
    sub r0, r0, #1
    bl factorial
    mul r0, r4, r0
    pop {r4, pc}
