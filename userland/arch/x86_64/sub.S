/* SUB and CMP: subtraction, the borrow in the carry flag, and CMP, which is a
 * SUB that only sets the flags.
 *
 * Run: lkmc run --userland userland/arch/x86_64/sub.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* sub src, dst: dst -= src. */
    mov $10, %rax
    sub $3, %rax
    LKMC_ASSERT_EQ(%rax, 7)

    mov $5, %rbx
    sub %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, -2)

    /* Unsigned borrow: 1 - 2 sets CF. */
    mov $1, %rcx
    sub $2, %rcx
    setc %dl
    LKMC_ASSERT_EQ(%dl, 1)
    LKMC_ASSERT_EQ(%rcx, 0xffffffffffffffff)

    /* cmp computes rax - 7 without storing: rax keeps its value. */
    cmp $7, %rax
    sete %dl
    LKMC_ASSERT_EQ(%dl, 1)
    LKMC_ASSERT_EQ(%rax, 7)

    /* Subtract from memory. */
    sub $8, %rsp
    movq $100, (%rsp)
    subq $1, (%rsp)
    mov (%rsp), %rsi
    add $8, %rsp
    LKMC_ASSERT_EQ(%rsi, 99)
LKMC_EPILOGUE
