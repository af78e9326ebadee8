/* SSE packed single precision: four floats per %xmm register. addps, mulps,
 * sqrtps, and a horizontal sum with haddps (SSE3).
 *
 * Run: lkmc run --userland userland/arch/x86_64/sse_float.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movaps x(%rip), %xmm0
    movaps y(%rip), %xmm1
    movaps %xmm0, %xmm2
    addps %xmm1, %xmm2
    movaps %xmm2, out(%rip)
    lea out(%rip), %rax
    lea x_plus_y(%rip), %rbx
    LKMC_ASSERT_MEMCMP(%rax, %rbx, 16)

    movaps %xmm0, %xmm3
    mulps %xmm3, %xmm3
    sqrtps %xmm3, %xmm3
    movaps %xmm3, out(%rip)
    lea x(%rip), %rbx
    LKMC_ASSERT_MEMCMP(%rax, %rbx, 16)

    /* 1 + 2 + 3 + 4 = 10 with two horizontal adds. */
    haddps %xmm0, %xmm0
    haddps %xmm0, %xmm0
    movd %xmm0, %ecx
    /* 10.0f */
    LKMC_ASSERT_EQ(%ecx, 0x41200000)
LKMC_EPILOGUE

.section .rodata
.balign 16
x:
    .float 1.0, 2.0, 3.0, 4.0
y:
    .float 0.5, 0.5, 0.5, 0.5
x_plus_y:
    .float 1.5, 2.5, 3.5, 4.5

.bss
.balign 16
out:
    .skip 16
