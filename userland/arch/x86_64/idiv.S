/* IDIV: signed division. The dividend %rdx:%rax must be the sign extension
 * of %rax, which is what CQO does. The quotient truncates toward zero and
 * the remainder has the sign of the dividend, as in C.
 *
 * Run: lkmc run --userland userland/arch/x86_64/idiv.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $-7, %rax
    cqo
    LKMC_ASSERT_EQ(%rdx, -1)
    mov $2, %rbx
    idiv %rbx
    LKMC_ASSERT_EQ(%rax, -3)
    LKMC_ASSERT_EQ(%rdx, -1)

    mov $7, %rax
    cqo
    LKMC_ASSERT_EQ(%rdx, 0)
    mov $-2, %rbx
    idiv %rbx
    LKMC_ASSERT_EQ(%rax, -3)
    LKMC_ASSERT_EQ(%rdx, 1)

    /* 32-bit: CDQ sign-extends %eax into %edx. */
    mov $-100, %eax
    cdq
    mov $7, %ecx
    idiv %ecx
    LKMC_ASSERT_EQ(%eax, -14)
    LKMC_ASSERT_EQ(%edx, -2)
LKMC_EPILOGUE
