/* Comparing floats: VCMP sets the FPSCR flags, and VMRS APSR_nzcv, fpscr
 * copies them to the APSR for conditional instructions. A NaN makes the
 * result unordered (C and V set).
 *
 * Run: lkmc run --userland userland/arch/arm/vfp_compare.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    vmov.f64 d0, #1.0
    vmov.f64 d1, #2.0
    vcmp.f64 d0, d1
    vmrs APSR_nzcv, fpscr
    movmi r0, #1
    movpl r0, #0
    LKMC_ASSERT_EQ(r0, 1)

    vcmp.f64 d0, d0
    vmrs APSR_nzcv, fpscr
    moveq r0, #1
    movne r0, #0
    LKMC_ASSERT_EQ(r0, 1)

    /* NaN: unordered, NZCV = 0011. */
    mov r1, #0
    movw r2, #0
    movt r2, #0x7ff8
    vmov d2, r1, r2
    vcmp.f64 d2, d2
    vmrs APSR_nzcv, fpscr
    mrs r3, apsr
    and r3, r3, #0xf0000000
    LKMC_ASSERT_EQ(r3, 0x30000000)

    /* Compare with zero directly. */
    vmov.f64 d3, #-0.5
    vcmp.f64 d3, #0
    vmrs APSR_nzcv, fpscr
    movlt r4, #1
    movge r4, #0
    LKMC_ASSERT_EQ(r4, 1)
LKMC_EPILOGUE
