/* NEG (two's complement negation), INC and DEC. NEG sets CF unless the
 * operand was 0; INC and DEC leave CF alone (handy in multi-word loops).
 *
 * Run: lkmc run --userland userland/arch/x86_64/neg_inc_dec.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $5, %rax
    neg %rax
    setc %bl
    LKMC_ASSERT_EQ(%rax, -5)
    LKMC_ASSERT_EQ(%bl, 1)

    xor %ecx, %ecx
    neg %rcx
    setc %bl
    LKMC_ASSERT_EQ(%bl, 0)

    /* The most negative number is its own negation (and sets OF). */
    mov $0x8000000000000000, %rdx
    neg %rdx
    seto %bl
    LKMC_ASSERT_EQ(%rdx, 0x8000000000000000)
    LKMC_ASSERT_EQ(%bl, 1)

    /* inc keeps CF: set it, increment, still set. */
    mov $-1, %rsi
    stc
    inc %rsi
    setc %bl
    setz %cl
    LKMC_ASSERT_EQ(%rsi, 0)
    LKMC_ASSERT_EQ(%bl, 1)
    LKMC_ASSERT_EQ(%cl, 1)

    mov $1, %rdi
    dec %rdi
    dec %rdi
    LKMC_ASSERT_EQ(%rdi, -1)
LKMC_EPILOGUE
