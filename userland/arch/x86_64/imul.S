/* IMUL: signed multiply, with one operand (full 128-bit product like MUL),
 * two operands (truncated: dst *= src) or three (dst = src * imm). OF is set
 * when the truncated result does not equal the true product.
 *
 * Run: lkmc run --userland userland/arch/x86_64/imul.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* One operand: -2 * 3 = -6, sign-extended into %rdx. */
    mov $-2, %rax
    mov $3, %rbx
    imul %rbx
    LKMC_ASSERT_EQ(%rax, -6)
    LKMC_ASSERT_EQ(%rdx, -1)

    /* Two operands. */
    mov $-4, %rcx
    imul $5, %rcx
    LKMC_ASSERT_EQ(%rcx, -20)
    mov $7, %rsi
    imul %rcx, %rsi
    LKMC_ASSERT_EQ(%rsi, -140)

    /* Three operands: %rdi = %rsi * 10. */
    imul $10, %rsi, %rdi
    LKMC_ASSERT_EQ(%rdi, -1400)

    /* Signed overflow: 2^62 * 2 does not fit in a signed 64-bit. */
    mov $0x4000000000000000, %rax
    imul $2, %rax
    seto %cl
    LKMC_ASSERT_EQ(%cl, 1)
    /* 2^61 * 2 fits. */
    mov $0x2000000000000000, %rax
    imul $2, %rax
    seto %cl
    LKMC_ASSERT_EQ(%cl, 0)
LKMC_EPILOGUE
