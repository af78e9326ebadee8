/* NEON single-precision float lanes: vadd.f32, vmul.f32, vmla.f32 (multiply
 * accumulate), vpadd.f32 (pairwise add). NEON on ARMv7 has no double
 * precision lanes and flushes denormals to zero; scalar VFP does doubles.
 *
 * Run: lkmc run --userland userland/arch/arm/neon_float.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, x
    vld1.32 {q0}, [r0]
    vmov.f32 q1, #0.5
    vadd.f32 q2, q0, q1
    sub sp, sp, #16
    mov r1, sp
    vst1.32 {q2}, [r1]
    adr r2, x_plus_half
    LKMC_ASSERT_MEMCMP(r1, r2, 16)

    /* q3 = 1 + x * 2 */
    vmov.f32 q3, #1.0
    vmov.f32 q4, #2.0
    vmla.f32 q3, q0, q4
    vmov.32 r3, d7[1]
    /* 9.0f */
    LKMC_ASSERT_EQ(r3, 0x41100000)

    /* 1 + 2 + 3 + 4 with pairwise adds: (1+2, 3+4) then (3+7). */
    vpadd.f32 d10, d0, d1
    vpadd.f32 d11, d10, d10
    vmov.32 r4, d11[0]
    LKMC_ASSERT_EQ(r4, 0x41200000)
    add sp, sp, #16
LKMC_EPILOGUE

.balign 16
x:
    .float 1.0, 2.0, 3.0, 4.0
x_plus_half:
    .float 1.5, 2.5, 3.5, 4.5
