/* DIV: unsigned division of the 128-bit %rdx:%rax by the operand: quotient
 * in %rax, remainder in %rdx. Zero %rdx first for a 64-bit dividend.
 * Dividing by zero, or a quotient that does not fit, raises #DE (SIGFPE):
 * see div_zero.S.
 *
 * Run: lkmc run --userland userland/arch/x86_64/div.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $100, %rax
    xor %edx, %edx
    mov $7, %rbx
    div %rbx
    LKMC_ASSERT_EQ(%rax, 14)
    LKMC_ASSERT_EQ(%rdx, 2)

    /* A 128-bit dividend: 2^64 / 4 = 2^62. */
    xor %eax, %eax
    mov $1, %edx
    mov $4, %rbx
    div %rbx
    LKMC_ASSERT_EQ(%rax, 0x4000000000000000)
    LKMC_ASSERT_EQ(%rdx, 0)

    /* The operand is unsigned: -1 is 2^64 - 1. */
    mov $-1, %rax
    xor %edx, %edx
    mov $2, %rbx
    div %rbx
    LKMC_ASSERT_EQ(%rax, 0x7fffffffffffffff)
    LKMC_ASSERT_EQ(%rdx, 1)

    /* 8-bit form: %ax / src, quotient in %al, remainder in %ah. */
    mov $23, %ax
    mov $5, %cl
    div %cl
    LKMC_ASSERT_EQ(%al, 4)
    LKMC_ASSERT_EQ(%ah, 3)
LKMC_EPILOGUE
