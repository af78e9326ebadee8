/* ADD: integer addition, and the flags it sets.
 *
 * Run: lkmc run --userland userland/arch/x86_64/add.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* add src, dst: dst += src (AT&T operand order). */
    mov $1, %rax
    add $2, %rax
    LKMC_ASSERT_EQ(%rax, 3)

    /* Register + register. */
    mov $0x10, %rbx
    add %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, 0x13)

    /* A 32-bit add zeroes the upper 32 bits of the 64-bit register. */
    mov $-1, %rax
    add $1, %eax
    LKMC_ASSERT_EQ(%rax, 0)

    /* An 8-bit add leaves the other bits alone. */
    mov $0x12ff, %rax
    add $1, %al
    LKMC_ASSERT_EQ(%rax, 0x1200)

    /* Overflow out of 64 bits wraps and sets the carry flag. */
    mov $-1, %rax
    add $1, %rax
    setc %bl
    LKMC_ASSERT_EQ(%rax, 0)
    LKMC_ASSERT_EQ(%bl, 1)
LKMC_EPILOGUE
