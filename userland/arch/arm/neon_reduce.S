/* Reductions with NEON on ARMv7, which has no across-lanes instructions:
 * pairwise adds (vpadd, vpaddl widening) halve the lane count each step.
 * vcnt.8 counts bits per byte, and widening pairwise adds sum them up.
 *
 * Run: lkmc run --userland userland/arch/arm/neon_reduce.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, values
    vld1.32 {q0}, [r0]
    /* d0 = {10, 20}, d1 = {30, 40}: pairwise -> {30, 70} -> {100, 100} */
    vpadd.i32 d2, d0, d1
    vpadd.i32 d2, d2, d2
    vmov.32 r1, d2[0]
    LKMC_ASSERT_EQ(r1, 100)

    /* Max of the lanes. */
    vpmax.u32 d3, d0, d1
    vpmax.u32 d3, d3, d3
    vmov.32 r2, d3[0]
    LKMC_ASSERT_EQ(r2, 40)

    /* popcount of 0xffffffff0000000f: 36 */
    mov r3, #0xf
    mvn r4, #0
    vmov d4, r3, r4
    vcnt.8 d4, d4
    vpaddl.u8 d4, d4
    vpaddl.u16 d4, d4
    vpaddl.u32 d4, d4
    vmov.32 r5, d4[0]
    LKMC_ASSERT_EQ(r5, 36)
LKMC_EPILOGUE

.balign 16
values:
    .word 10, 20, 30, 40
