/* Zero and sign extension: movzb/movzw (MOVZX), movsb/movsw/movslq (MOVSX,
 * MOVSXD), and the %rax-only forms cbw, cwde, cdqe.
 *
 * Run: lkmc run --userland userland/arch/x86_64/movzx_movsx.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0x80, %al
    movzbq %al, %rbx
    LKMC_ASSERT_EQ(%rbx, 0x80)
    movsbq %al, %rcx
    LKMC_ASSERT_EQ(%rcx, 0xffffffffffffff80)

    mov $0xfffe, %ax
    movzwl %ax, %edx
    LKMC_ASSERT_EQ(%rdx, 0xfffe)
    movswq %ax, %rdx
    LKMC_ASSERT_EQ(%rdx, -2)

    mov $0x80000000, %esi
    movslq %esi, %rdi
    LKMC_ASSERT_EQ(%rdi, 0xffffffff80000000)

    /* cdqe: sign-extend %eax into %rax. */
    mov $-5, %eax
    LKMC_ASSERT_EQ(%rax, 0xfffffffb)
    cdqe
    LKMC_ASSERT_EQ(%rax, -5)

    /* From memory. */
    sub $16, %rsp
    movb $0xff, (%rsp)
    movzbl (%rsp), %r8d
    LKMC_ASSERT_EQ(%r8, 255)
    movsbl (%rsp), %r9d
    LKMC_ASSERT_EQ(%r9, 0xffffffff)
    add $16, %rsp
LKMC_EPILOGUE
