/* REP MOVS: copy %rcx elements from (%rsi) to (%rdi), advancing both (the
 * direction flag is clear by ABI), i.e. memcpy in one instruction. movsb
 * copies bytes, movsq quadwords.
 *
 * Run: lkmc run --userland userland/arch/x86_64/rep_movsb.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    lea src(%rip), %rsi
    lea dst(%rip), %rdi
    mov $13, %rcx
    rep movsb
    /* All three registers advanced / counted down. */
    LKMC_ASSERT_EQ(%rcx, 0)
    lea src+13(%rip), %rax
    sub %rax, %rsi
    LKMC_ASSERT_EQ(%rsi, 0)
    lea src(%rip), %rbx
    lea dst(%rip), %rdx
    LKMC_ASSERT_MEMCMP(%rbx, %rdx, 13)

    /* Quadwords: 2 * 8 bytes. */
    lea quads(%rip), %rsi
    lea dst(%rip), %rdi
    mov $2, %rcx
    rep movsq
    mov dst+8(%rip), %rax
    LKMC_ASSERT_EQ(%rax, 0x2222222222222222)
LKMC_EPILOGUE

.section .rodata
src:
    .ascii "copy me, rep!"
.balign 8
quads:
    .quad 0x1111111111111111, 0x2222222222222222

.bss
dst:
    .skip 32
