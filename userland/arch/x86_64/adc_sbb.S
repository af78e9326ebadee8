/* ADC and SBB: add/subtract with the carry flag, to chain 64-bit operations
 * into wider ones. Here 128-bit numbers held in two registers each.
 *
 * Run: lkmc run --userland userland/arch/x86_64/adc_sbb.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* (2^64 - 1) + 1 = 2^64: low 0, high 1. %rdx:%rax += %rcx:%rbx */
    mov $-1, %rax
    mov $0, %rdx
    mov $1, %rbx
    mov $0, %rcx
    add %rbx, %rax
    adc %rcx, %rdx
    LKMC_ASSERT_EQ(%rax, 0)
    LKMC_ASSERT_EQ(%rdx, 1)

    /* And back: 2^64 - 1 = low 0xff..ff, high 0. */
    sub %rbx, %rax
    sbb %rcx, %rdx
    LKMC_ASSERT_EQ(%rax, 0xffffffffffffffff)
    LKMC_ASSERT_EQ(%rdx, 0)

    /* sbb reg, reg gives 0 or -1 from CF: a branchless mask. */
    stc
    sbb %rsi, %rsi
    LKMC_ASSERT_EQ(%rsi, -1)
    clc
    sbb %rsi, %rsi
    LKMC_ASSERT_EQ(%rsi, 0)

    /* adc $0 adds the carry alone: count unsigned overflows. */
    xor %edi, %edi
    mov $-1, %r8
    add $5, %r8
    adc $0, %rdi
    LKMC_ASSERT_EQ(%rdi, 1)
LKMC_EPILOGUE
