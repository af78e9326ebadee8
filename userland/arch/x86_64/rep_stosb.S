/* REP STOS: store %al (stosb) or %rax (stosq) %rcx times at (%rdi), i.e.
 * memset in one instruction.
 *
 * Run: lkmc run --userland userland/arch/x86_64/rep_stosb.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    lea buf(%rip), %rdi
    mov $'x', %al
    mov $8, %rcx
    rep stosb
    mov buf(%rip), %rbx
    LKMC_ASSERT_EQ(%rbx, 0x7878787878787878)
    /* The byte after the 8 stored is untouched. */
    movzbl buf+8(%rip), %ebx
    LKMC_ASSERT_EQ(%rbx, 0)

    /* 3 quadwords of a pattern. */
    lea buf(%rip), %rdi
    mov $0x0102030405060708, %rax
    mov $3, %ecx
    rep stosq
    mov buf+16(%rip), %rdx
    LKMC_ASSERT_EQ(%rdx, 0x0102030405060708)
    lea buf+24(%rip), %rsi
    sub %rsi, %rdi
    LKMC_ASSERT_EQ(%rdi, 0)
LKMC_EPILOGUE

.bss
buf:
    .skip 64
