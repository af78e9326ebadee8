/* NEON comparisons produce lane masks (all ones or all zeros), and VBSL
 * selects bits with a mask: a branchless per-lane maximum, compared with
 * the dedicated VMAX.
 *
 * Run: lkmc run --userland userland/arch/arm/neon_compare.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, a
    adr r1, b
    vld1.32 {q0}, [r0]
    vld1.32 {q1}, [r1]
    vcgt.s32 q2, q0, q1
    vmov.32 r2, d4[0]
    LKMC_ASSERT_EQ(r2, 0xffffffff)
    vmov.32 r2, d4[1]
    LKMC_ASSERT_EQ(r2, 0)

    /* vbsl: where the mask (q3) is set take q0, else q1. */
    vmov q3, q2
    vbsl q3, q0, q1
    sub sp, sp, #16
    mov r3, sp
    vst1.32 {q3}, [r3]
    adr r4, max_ab
    LKMC_ASSERT_MEMCMP(r3, r4, 16)
    vmax.s32 q4, q0, q1
    vst1.32 {q4}, [r3]
    LKMC_ASSERT_MEMCMP(r3, r4, 16)
    add sp, sp, #16

    vceq.i32 q5, q1, #0
    vmov.32 r5, d11[0]
    LKMC_ASSERT_EQ(r5, 0xffffffff)
LKMC_EPILOGUE

.balign 16
a:
    .word 5, -1, 7, 2
b:
    .word 1, 3, 0, 9
max_ab:
    .word 5, 3, 7, 9
