/* SSE2 integer SIMD on 128-bit %xmm registers: paddd adds four 32-bit lanes
 * at once, pmulld (SSE4.1) multiplies them, pshufd permutes lanes, and
 * movdqa/movdqu load and store (aligned/unaligned).
 *
 * Run: lkmc run --userland userland/arch/x86_64/sse2.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movdqa a(%rip), %xmm0
    movdqu b(%rip), %xmm1
    paddd %xmm1, %xmm0
    movdqa %xmm0, result(%rip)
    lea result(%rip), %rax
    lea sum(%rip), %rbx
    LKMC_ASSERT_MEMCMP(%rax, %rbx, 16)

    /* Reverse the lanes: 0b00011011 picks 3, 2, 1, 0. */
    pshufd $0x1b, %xmm0, %xmm2
    movdqa %xmm2, result(%rip)
    lea reversed(%rip), %rbx
    LKMC_ASSERT_MEMCMP(%rax, %rbx, 16)

    /* Lane-wise multiply (low 32 bits of each product). */
    movdqa a(%rip), %xmm3
    pmulld b(%rip), %xmm3
    movd %xmm3, %ecx
    LKMC_ASSERT_EQ(%ecx, 10)

    /* Extract lanes to general registers. */
    pextrd $3, %xmm0, %edx
    LKMC_ASSERT_EQ(%edx, 44)
    movq %xmm0, %rsi
    LKMC_ASSERT_EQ(%rsi, 0x000000160000000b)
LKMC_EPILOGUE

.section .rodata
.balign 16
a:
    .long 1, 2, 3, 4
b:
    .long 10, 20, 30, 40
sum:
    .long 11, 22, 33, 44
reversed:
    .long 44, 33, 22, 11

.bss
.balign 16
result:
    .skip 16
