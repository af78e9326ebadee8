/* FMA3: fused multiply-add computes a * b + c with a single rounding.
 * vfmadd231sd x, y, z means x = y * z + x. The single rounding is visible:
 * with a = 1 + 2^-30, a * a = 1 + 2^-29 + 2^-60 needs 61 bits, so
 * a * a - round(a * a) is exactly 2^-60 when fused, but 0 when computed as a
 * separate multiply and subtract.
 *
 * Run: lkmc run --userland userland/arch/x86_64/fma.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* 2 * 3 + 4 = 10 */
    movsd two(%rip), %xmm0
    movsd three(%rip), %xmm1
    movsd four(%rip), %xmm2
    vfmadd231sd %xmm1, %xmm0, %xmm2
    movq %xmm2, %rax
    LKMC_ASSERT_EQ(%rax, 0x4024000000000000)

    /* p = round(a * a); fused: a * a - p = 2^-60 exactly. */
    movsd a(%rip), %xmm3
    movsd %xmm3, %xmm4
    mulsd %xmm3, %xmm4
    movsd %xmm4, %xmm5
    xorpd neg_mask(%rip), %xmm5
    /* xmm5 = a * a + (-p) */
    vfmadd231sd %xmm3, %xmm3, %xmm5
    movq %xmm5, %rbx
    LKMC_ASSERT_EQ(%rbx, 0x3c30000000000000)

    /* Unfused: (a * a rounded) - p = 0. */
    movsd %xmm3, %xmm6
    mulsd %xmm3, %xmm6
    subsd %xmm4, %xmm6
    movq %xmm6, %rcx
    LKMC_ASSERT_EQ(%rcx, 0)
LKMC_EPILOGUE

.section .rodata
.balign 16
neg_mask:
    .quad 0x8000000000000000, 0
two:
    .double 2.0
three:
    .double 3.0
four:
    .double 4.0
a:
    /* 1 + 2^-30 */
    .quad 0x3ff0000000400000
