/* Recursion: factorial(n) = n * factorial(n - 1). Each frame saves x29/x30
 * and n (in x19, callee-saved, so its old value is saved too).
 *
 * Run: lkmc run --userland userland/arch/aarch64/recursion.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 10
    bl factorial
    LKMC_ASSERT_EQ(x0, 3628800)
    mov x0, 20
    bl factorial
    LKMC_ASSERT_EQ(x0, 2432902008176640000)
    mov x0, 0
    bl factorial
    LKMC_ASSERT_EQ(x0, 1)
LKMC_EPILOGUE

factorial:
    cmp x0, 1
    b.hi 1f
    mov x0, 1
    ret
1:
    stp x29, x30, [sp, -32]!
    mov x29, sp
    str x19, [sp, 16]
    mov x19, x0
    sub x0, x0, 1
    bl factorial
    mul x0, x0, x19
    ldr x19, [sp, 16]
    ldp x29, x30, [sp], 32
    ret
