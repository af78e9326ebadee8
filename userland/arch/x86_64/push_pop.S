/* PUSH and POP: the stack grows down. push decrements %rsp by 8 then
 * stores; pop loads then increments. Last in, first out.
 *
 * Run: lkmc run --userland userland/arch/x86_64/push_pop.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov %rsp, %rbx
    push $1
    push $2
    mov %rsp, %rcx
    sub %rcx, %rbx
    LKMC_ASSERT_EQ(%rbx, 16)
    /* The top of the stack is at (%rsp). */
    mov (%rsp), %rax
    LKMC_ASSERT_EQ(%rax, 2)
    mov 8(%rsp), %rax
    LKMC_ASSERT_EQ(%rax, 1)

    pop %rsi
    pop %rdi
    LKMC_ASSERT_EQ(%rsi, 2)
    LKMC_ASSERT_EQ(%rdi, 1)

    /* Swap two registers through the stack. */
    mov $3, %r8
    mov $4, %r9
    push %r8
    push %r9
    pop %r8
    pop %r9
    LKMC_ASSERT_EQ(%r8, 4)
    LKMC_ASSERT_EQ(%r9, 3)

    /* push of an immediate is sign-extended to 64 bits. */
    push $-1
    pop %rax
    LKMC_ASSERT_EQ(%rax, 0xffffffffffffffff)
LKMC_EPILOGUE
