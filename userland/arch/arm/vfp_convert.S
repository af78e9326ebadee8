/* VFP conversions: vcvt.f64.s32 (int to double), vcvt.s32.f64 (double to
 * int, toward zero like a C cast; vcvtr uses the current rounding mode,
 * nearest by default), vcvt.f32.f64 and back. Values go through s registers.
 *
 * Run: lkmc run --userland userland/arch/arm/vfp_convert.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mvn r0, #2
    vmov s0, r0
    vcvt.f64.s32 d1, s0
    vmov r1, r2, d1
    /* -3.0 */
    LKMC_ASSERT_EQ(r2, 0xc0080000)

    vmov.f64 d2, #-2.5
    vcvt.s32.f64 s6, d2
    vmov r3, s6
    LKMC_ASSERT_EQ(r3, -2)
    /* Round to nearest, ties to even: -2.5 -> -2; and 3.5 -> 4. */
    vcvtr.s32.f64 s7, d2
    vmov r4, s7
    LKMC_ASSERT_EQ(r4, -2)
    vmov.f64 d4, #3.5
    vcvtr.s32.f64 s7, d4
    vmov r4, s7
    LKMC_ASSERT_EQ(r4, 4)

    /* Negative to unsigned saturates to 0. */
    vcvt.u32.f64 s8, d2
    vmov r5, s8
    LKMC_ASSERT_EQ(r5, 0)

    /* double 0.1 -> float */
    movw r6, #0x999a
    movt r6, #0x9999
    movw r7, #0x9999
    movt r7, #0x3fb9
    vmov d5, r6, r7
    vcvt.f32.f64 s12, d5
    vmov r8, s12
    LKMC_ASSERT_EQ(r8, 0x3dcccccd)
LKMC_EPILOGUE
