/* Fused multiply-add (VFPv4, Cortex-A7/A15 and later): vfma.f64 d, n, m
 * computes d + n * m with one rounding, unlike vmla (multiply, round, add,
 * round). With a = 1 + 2^-30, a * a - round(a * a) is exactly 2^-60 fused
 * and 0 unfused.
 *
 * Run: lkmc run --userland userland/arch/arm/vfma.S --arch arm
 */
#include <lkmc.h>

.fpu neon-vfpv4

LKMC_PROLOGUE
    /* 4 + 2 * 3 = 10 */
    vmov.f64 d0, #4.0
    vmov.f64 d1, #2.0
    vmov.f64 d2, #3.0
    vfma.f64 d0, d1, d2
    vmov r0, r1, d0
    LKMC_ASSERT_EQ(r1, 0x40240000)

    /* a = 1 + 2^-30 = 0x3ff0000000400000: low word in r2, high in r3. */
    mov r2, #0x400000
    movw r3, #0
    movt r3, #0x3ff0
    vmov d3, r2, r3
    vmul.f64 d4, d3, d3
    /* d5 = -round(a * a) + a * a */
    vneg.f64 d5, d4
    vfma.f64 d5, d3, d3
    vmov r4, r5, d5
    LKMC_ASSERT_EQ(r5, 0x3c300000)
    LKMC_ASSERT_EQ(r4, 0)

    /* Unfused: vmla rounds the product first. */
    vneg.f64 d6, d4
    vmla.f64 d6, d3, d3
    vmov r6, r7, d6
    LKMC_ASSERT_EQ(r7, 0)
    LKMC_ASSERT_EQ(r6, 0)
LKMC_EPILOGUE
