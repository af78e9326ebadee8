/* Scalar double precision, the way x86_64 does all floating point: addsd,
 * mulsd, divsd, sqrtsd on the low lane of %xmm registers, and conversions
 * cvtsi2sd (int to double) and cvttsd2si (double to int, truncating).
 *
 * Run: lkmc run --userland userland/arch/x86_64/sse_double.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $3, %rax
    cvtsi2sd %rax, %xmm0
    movsd half(%rip), %xmm1
    addsd %xmm1, %xmm0
    /* 3.5 */
    movq %xmm0, %rbx
    LKMC_ASSERT_EQ(%rbx, 0x400c000000000000)

    mulsd %xmm0, %xmm0
    /* 12.25 truncates to 12 */
    cvttsd2si %xmm0, %rcx
    LKMC_ASSERT_EQ(%rcx, 12)
    /* cvtsd2si rounds to nearest (even): 12.25 -> 12, 12.5 -> 12, 13.5 -> 14 */
    movsd twelve_and_half(%rip), %xmm2
    cvtsd2si %xmm2, %rdx
    LKMC_ASSERT_EQ(%rdx, 12)

    sqrtsd %xmm0, %xmm3
    cvttsd2si %xmm3, %rsi
    LKMC_ASSERT_EQ(%rsi, 3)

    mov $1, %rax
    cvtsi2sd %rax, %xmm4
    mov $3, %rax
    cvtsi2sd %rax, %xmm5
    divsd %xmm5, %xmm4
    movq %xmm4, %rdi
    /* 1/3 rounded to double */
    LKMC_ASSERT_EQ(%rdi, 0x3fd5555555555555)

    /* Negative truncation is toward zero. */
    movsd minus_two_point_seven(%rip), %xmm6
    cvttsd2si %xmm6, %r8
    LKMC_ASSERT_EQ(%r8, -2)
LKMC_EPILOGUE

.section .rodata
.balign 8
half:
    .double 0.5
twelve_and_half:
    .double 12.5
minus_two_point_seven:
    .double -2.7
