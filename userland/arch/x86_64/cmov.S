/* CMOVcc: move only if a condition holds, without a branch to mispredict.
 * max(a, b) and abs(x) without jumps.
 *
 * Run: lkmc run --userland userland/arch/x86_64/cmov.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* rax = max(rdi, rsi) signed. */
    mov $-5, %rdi
    mov $3, %rsi
    mov %rdi, %rax
    cmp %rsi, %rdi
    cmovl %rsi, %rax
    LKMC_ASSERT_EQ(%rax, 3)

    /* Unsigned max of the same bits is the other one. */
    mov %rdi, %rax
    cmp %rsi, %rdi
    cmovb %rsi, %rax
    LKMC_ASSERT_EQ(%rax, -5)

    /* abs: negate a copy, keep the original if the copy went negative. */
    mov $-42, %rbx
    mov %rbx, %rcx
    neg %rcx
    cmovs %rbx, %rcx
    LKMC_ASSERT_EQ(%rcx, 42)

    /* Condition false: destination unchanged. */
    mov $1, %rdx
    mov $2, %r8
    xor %eax, %eax
    test %eax, %eax
    cmovnz %r8, %rdx
    LKMC_ASSERT_EQ(%rdx, 1)
LKMC_EPILOGUE
