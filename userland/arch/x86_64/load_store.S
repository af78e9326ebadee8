/* Loads and stores: MOV between registers and memory in every size, to the
 * stack and to writable .data reached RIP-relative (required in a PIE).
 * x86_64 is little endian and allows unaligned accesses.
 *
 * Run: lkmc run --userland userland/arch/x86_64/load_store.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* Load each size from .data. */
    mov data(%rip), %rax
    LKMC_ASSERT_EQ(%rax, 0x0807060504030201)
    movl data(%rip), %ebx
    LKMC_ASSERT_EQ(%rbx, 0x04030201)
    movzwl data(%rip), %ecx
    LKMC_ASSERT_EQ(%rcx, 0x0201)
    movzbl data+7(%rip), %edx
    LKMC_ASSERT_EQ(%rdx, 8)

    /* Unaligned load from byte offset 1. */
    mov data+1(%rip), %eax
    LKMC_ASSERT_EQ(%eax, 0x05040302)

    /* Store, then load back. */
    movq $-1, counter(%rip)
    movb $0, counter(%rip)
    mov counter(%rip), %rsi
    LKMC_ASSERT_EQ(%rsi, 0xffffffffffffff00)

    /* Memory operands directly in arithmetic. */
    addq $0x100, counter(%rip)
    mov counter(%rip), %rsi
    LKMC_ASSERT_EQ(%rsi, 0)
LKMC_EPILOGUE

.data
data:
    .byte 1, 2, 3, 4, 5, 6, 7, 8
counter:
    .quad 0
