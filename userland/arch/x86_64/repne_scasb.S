/* REPNE SCASB: scan (%rdi) for the byte in %al, at most %rcx bytes: strlen
 * and memchr in one instruction.
 *
 * Run: lkmc run --userland userland/arch/x86_64/repne_scasb.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* strlen: search for 0 with an "unlimited" count, then count = -2 - rcx. */
    lea str(%rip), %rdi
    xor %eax, %eax
    mov $-1, %rcx
    repne scasb
    not %rcx
    dec %rcx
    LKMC_ASSERT_EQ(%rcx, 11)

    /* memchr: find 'w'; %rdi ends one past the match. */
    lea str(%rip), %rdi
    mov $'w', %al
    mov $11, %rcx
    repne scasb
    sete %bl
    LKMC_ASSERT_EQ(%bl, 1)
    lea str(%rip), %rdx
    sub %rdx, %rdi
    LKMC_ASSERT_EQ(%rdi, 7)

    /* Not found: ZF clear, count exhausted. */
    lea str(%rip), %rdi
    mov $'z', %al
    mov $11, %rcx
    repne scasb
    sete %bl
    LKMC_ASSERT_EQ(%bl, 0)
    LKMC_ASSERT_EQ(%rcx, 0)
LKMC_EPILOGUE

.section .rodata
str:
    .asciz "hello world"
