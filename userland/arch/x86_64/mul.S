/* MUL: unsigned multiply. The one-operand form multiplies %rax by the operand
 * and gives the full 128-bit product in %rdx:%rax; CF and OF tell whether the
 * high half is non-zero.
 *
 * Run: lkmc run --userland userland/arch/x86_64/mul.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $6, %rax
    mov $7, %rbx
    mul %rbx
    /* Read the flags first: the checks themselves change them. */
    setc %cl
    LKMC_ASSERT_EQ(%rax, 42)
    LKMC_ASSERT_EQ(%rdx, 0)
    LKMC_ASSERT_EQ(%cl, 0)

    /* 2^63 * 4 = 2^65: low half 0, high half 2. */
    mov $0x8000000000000000, %rax
    mov $4, %rbx
    mul %rbx
    setc %cl
    LKMC_ASSERT_EQ(%rax, 0)
    LKMC_ASSERT_EQ(%rdx, 2)
    LKMC_ASSERT_EQ(%cl, 1)

    /* (2^64 - 1)^2 = 2^128 - 2^65 + 1. */
    mov $-1, %rax
    mov %rax, %rbx
    mul %rbx
    LKMC_ASSERT_EQ(%rax, 1)
    LKMC_ASSERT_EQ(%rdx, 0xfffffffffffffffe)

    /* 32-bit form: %edx:%eax = %eax * src. */
    mov $0x80000000, %eax
    mov $2, %ecx
    mul %ecx
    LKMC_ASSERT_EQ(%rax, 0)
    LKMC_ASSERT_EQ(%rdx, 1)
LKMC_EPILOGUE
