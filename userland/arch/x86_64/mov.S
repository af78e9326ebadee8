/* MOV: copy immediates and registers. A 64-bit immediate needs movabs (plain
 * mov takes a sign-extended 32-bit one); writing a 32-bit register zeroes the
 * upper half, writing an 8- or 16-bit one does not.
 *
 * Run: lkmc run --userland userland/arch/x86_64/mov.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $42, %rax
    LKMC_ASSERT_EQ(%rax, 42)
    mov %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, 42)

    movabs $0x123456789abcdef0, %rcx
    LKMC_ASSERT_EQ(%rcx, 0x123456789abcdef0)

    /* Sign-extended 32-bit immediate. */
    mov $-1, %rdx
    LKMC_ASSERT_EQ(%rdx, 0xffffffffffffffff)

    /* 32-bit destination: upper 32 bits cleared. */
    mov $-1, %rsi
    mov $0x12345678, %esi
    LKMC_ASSERT_EQ(%rsi, 0x12345678)

    /* 16- and 8-bit destinations: the rest is kept. */
    mov $-1, %rdi
    mov $0, %di
    LKMC_ASSERT_EQ(%rdi, 0xffffffffffff0000)
    mov $0x55, %dil
    LKMC_ASSERT_EQ(%rdi, 0xffffffffffff0055)

    /* %ah is bits 8-15 of %rax. */
    mov $0, %eax
    mov $0x12, %ah
    LKMC_ASSERT_EQ(%rax, 0x1200)

    /* r8-r15 too. */
    mov $8, %r8
    mov %r8d, %r15d
    LKMC_ASSERT_EQ(%r15, 8)
LKMC_EPILOGUE
