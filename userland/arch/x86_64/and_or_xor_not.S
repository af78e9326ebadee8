/* Bitwise logic: AND, OR, XOR, NOT, and the idioms xor reg,reg (zero a
 * register) and test (AND that only sets flags).
 *
 * Run: lkmc run --userland userland/arch/x86_64/and_or_xor_not.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0xf0f0, %rax
    and $0xff00, %rax
    LKMC_ASSERT_EQ(%rax, 0xf000)
    or $0x000f, %rax
    LKMC_ASSERT_EQ(%rax, 0xf00f)
    xor $0xffff, %rax
    LKMC_ASSERT_EQ(%rax, 0x0ff0)
    not %rax
    LKMC_ASSERT_EQ(%rax, 0xfffffffffffff00f)

    /* The shortest way to zero a register. */
    xor %eax, %eax
    LKMC_ASSERT_EQ(%rax, 0)

    /* XOR swap, no temporary. */
    mov $1, %rbx
    mov $2, %rcx
    xor %rbx, %rcx
    xor %rcx, %rbx
    xor %rbx, %rcx
    LKMC_ASSERT_EQ(%rbx, 2)
    LKMC_ASSERT_EQ(%rcx, 1)

    /* test: is bit 3 set? */
    mov $0x8, %rdx
    test $0x8, %rdx
    setnz %sil
    LKMC_ASSERT_EQ(%sil, 1)
    LKMC_ASSERT_EQ(%rdx, 8)

    /* andn (BMI1): ~src1 & src2. */
    mov $0xff, %r8
    mov $0x0f, %r9
    andn %r8, %r9, %r10
    LKMC_ASSERT_EQ(%r10, 0xf0)
LKMC_EPILOGUE
