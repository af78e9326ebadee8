/* LEA: compute an address expression base + index * scale + displacement
 * without touching memory and without changing the flags; compilers use it
 * for cheap arithmetic like x * 5 + 3.
 *
 * Run: lkmc run --userland userland/arch/x86_64/lea.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $10, %rax
    mov $3, %rbx
    lea 7(%rax, %rbx, 4), %rcx
    LKMC_ASSERT_EQ(%rcx, 29)

    /* x * 5 + 3 in one instruction. */
    lea 3(%rax, %rax, 4), %rdx
    LKMC_ASSERT_EQ(%rdx, 53)

    /* Negative displacement, no base. */
    lea -1(, %rbx, 8), %rsi
    LKMC_ASSERT_EQ(%rsi, 23)

    /* Flags untouched: ZF from the cmp survives the lea. */
    cmp %rax, %rax
    lea 1(%rax), %rdi
    sete %r8b
    LKMC_ASSERT_EQ(%r8b, 1)
    LKMC_ASSERT_EQ(%rdi, 11)

    /* RIP-relative: the address of data, position independent. */
    lea value(%rip), %r9
    mov (%r9), %r10
    LKMC_ASSERT_EQ(%r10, 0x1122334455667788)
LKMC_EPILOGUE

.section .rodata
value:
    .quad 0x1122334455667788
