/* SETcc: store 1 or 0 in a byte register depending on a condition, the
 * branchless way to turn a comparison into a boolean (C's a < b).
 *
 * Run: lkmc run --userland userland/arch/x86_64/setcc.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $3, %rax
    mov $5, %rbx
    cmp %rbx, %rax
    setl %cl
    setg %dl
    setle %sil
    setne %dil
    LKMC_ASSERT_EQ(%cl, 1)
    LKMC_ASSERT_EQ(%dl, 0)
    LKMC_ASSERT_EQ(%sil, 1)
    LKMC_ASSERT_EQ(%dil, 1)

    /* setcc writes only the low byte: zero-extend for a full boolean. */
    mov $-1, %r8
    cmp %rax, %rax
    sete %r8b
    LKMC_ASSERT_EQ(%r8, 0xffffffffffffff01)
    movzbl %r8b, %r8d
    LKMC_ASSERT_EQ(%r8, 1)

    /* Parity: setp is 1 when the low byte has an even number of 1 bits. */
    mov $3, %al
    test %al, %al
    setp %r9b
    LKMC_ASSERT_EQ(%r9b, 1)
LKMC_EPILOGUE
