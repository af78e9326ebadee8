/* Comparing doubles: UCOMISD sets ZF, PF, CF like an unsigned comparison
 * (so use ja/jb/setb, not jg/jl). An unordered result (a NaN operand) sets
 * all three, which is why "equal" must check PF too.
 *
 * Run: lkmc run --userland userland/arch/x86_64/ucomisd.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movsd one(%rip), %xmm0
    movsd two(%rip), %xmm1
    ucomisd %xmm1, %xmm0
    /* 1.0 < 2.0: "below". */
    setb %al
    setp %bl
    LKMC_ASSERT_EQ(%al, 1)
    LKMC_ASSERT_EQ(%bl, 0)

    ucomisd %xmm0, %xmm0
    sete %al
    setnp %bl
    LKMC_ASSERT_EQ(%al, 1)
    LKMC_ASSERT_EQ(%bl, 1)

    /* NaN: ZF, PF and CF all set; NaN "equals" itself by ZF alone! */
    movsd nan(%rip), %xmm2
    ucomisd %xmm2, %xmm2
    sete %al
    setp %bl
    setb %cl
    LKMC_ASSERT_EQ(%al, 1)
    LKMC_ASSERT_EQ(%bl, 1)
    LKMC_ASSERT_EQ(%cl, 1)

    /* maxsd/minsd pick a value without branches. */
    maxsd %xmm1, %xmm0
    movq %xmm0, %rdx
    LKMC_ASSERT_EQ(%rdx, 0x4000000000000000)
LKMC_EPILOGUE

.section .rodata
.balign 8
one:
    .double 1.0
two:
    .double 2.0
nan:
    .quad 0x7ff8000000000000
