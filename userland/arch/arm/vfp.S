/* VFP scalar floating point: d registers hold doubles, s registers singles
 * (s0 and s1 overlay d0). vadd, vsub, vmul, vdiv, vsqrt, vabs, vneg. With
 * the hard-float ABI (gnueabihf) floats are passed in these registers.
 *
 * Run: lkmc run --userland userland/arch/arm/vfp.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    vmov.f64 d0, #1.5
    vmov.f64 d1, #2.0
    vadd.f64 d2, d0, d1
    vmov r0, r1, d2
    /* 3.5 = 0x400c000000000000: r1 high word, r0 low word. */
    LKMC_ASSERT_EQ(r1, 0x400c0000)
    LKMC_ASSERT_EQ(r0, 0)

    vsub.f64 d3, d0, d1
    vabs.f64 d4, d3
    vmov r0, r1, d4
    LKMC_ASSERT_EQ(r1, 0x3fe00000)

    vmov.f64 d5, #1.0
    vmov.f64 d6, #3.0
    vdiv.f64 d7, d5, d6
    vmov r0, r1, d7
    LKMC_ASSERT_EQ(r1, 0x3fd55555)
    LKMC_ASSERT_EQ(r0, 0x55555555)

    vsqrt.f64 d8, d1
    vmov r0, r1, d8
    LKMC_ASSERT_EQ(r1, 0x3ff6a09e)
    LKMC_ASSERT_EQ(r0, 0x667f3bcd)

    /* Single precision in s registers. */
    vmov.f32 s18, #0.25
    vadd.f32 s19, s18, s18
    vmov r2, s19
    LKMC_ASSERT_EQ(r2, 0x3f000000)
    /* s18 and s19 are the two halves of d9. */
    vmov r3, r4, d9
    LKMC_ASSERT_EQ(r3, 0x3e800000)
    LKMC_ASSERT_EQ(r4, 0x3f000000)
LKMC_EPILOGUE
