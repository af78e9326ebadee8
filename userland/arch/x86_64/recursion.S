/* Recursion in assembly: factorial(n) = n * factorial(n - 1), saving n on
 * the stack across the recursive call (it is in a caller-saved register).
 *
 * Run: lkmc run --userland userland/arch/x86_64/recursion.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $10, %rdi
    call factorial
    LKMC_ASSERT_EQ(%rax, 3628800)
    mov $20, %rdi
    call factorial
    LKMC_ASSERT_EQ(%rax, 2432902008176640000)
    mov $0, %rdi
    call factorial
    LKMC_ASSERT_EQ(%rax, 1)
LKMC_EPILOGUE

factorial:
    cmp $1, %rdi
    jbe 1f
    push %rdi
    dec %rdi
    call factorial
    pop %rdi
    imul %rdi, %rax
    ret
1:
    mov $1, %eax
    ret
