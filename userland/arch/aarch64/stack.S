/* The stack: sp must stay 16-byte aligned whenever it is used to access
 * memory, so there is no single-register push. "Push" is a pre-indexed
 * store str x, [sp, -16]!, "pop" a post-indexed load ldr x, [sp], 16, or
 * both with stp/ldp for two registers.
 *
 * Run: lkmc run --userland userland/arch/aarch64/stack.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x19, sp
    mov x0, 11
    str x0, [sp, -16]!
    mov x1, 22
    mov x2, 33
    stp x1, x2, [sp, -16]!
    /* sp can not be the second source of a sub: copy it first. */
    mov x3, sp
    sub x3, x19, x3
    LKMC_ASSERT_EQ(x3, 32)

    ldp x4, x5, [sp], 16
    ldr x6, [sp], 16
    LKMC_ASSERT_EQ(x4, 22)
    LKMC_ASSERT_EQ(x5, 33)
    LKMC_ASSERT_EQ(x6, 11)
    mov x7, sp
    sub x7, x19, x7
    LKMC_ASSERT_EQ(x7, 0)

    /* The stack grows down: a local array below the frame. */
    sub sp, sp, 64
    mov x8, 7
    str x8, [sp, 56]
    ldr x9, [sp, 56]
    add sp, sp, 64
    LKMC_ASSERT_EQ(x9, 7)
LKMC_EPILOGUE
