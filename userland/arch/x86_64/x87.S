/* The x87 FPU: the legacy floating point unit, a stack of eight 80-bit
 * registers st(0)-st(7). fld pushes, faddp/fmulp combine the top two and
 * pop, fsqrt works on the top, fistp/fstp store and pop. Still used for
 * long double.
 *
 * Run: lkmc run --userland userland/arch/x86_64/x87.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    sub $16, %rsp
    /* (1.5 + 2.5) * 4 = 16 */
    fldl a(%rip)
    fldl b(%rip)
    faddp
    fildq four(%rip)
    fmulp
    fistpq (%rsp)
    mov (%rsp), %rax
    LKMC_ASSERT_EQ(%rax, 16)

    /* sqrt(2) as a double. */
    fildl two_int(%rip)
    fsqrt
    fstpl (%rsp)
    mov (%rsp), %rbx
    LKMC_ASSERT_EQ(%rbx, 0x3ff6a09e667f3bcd)

    /* Constants built in: pi. */
    fldpi
    fstpl (%rsp)
    mov (%rsp), %rcx
    LKMC_ASSERT_EQ(%rcx, 0x400921fb54442d18)
    add $16, %rsp
LKMC_EPILOGUE

.section .rodata
.balign 8
a:
    .double 1.5
b:
    .double 2.5
four:
    .quad 4
two_int:
    .long 2
