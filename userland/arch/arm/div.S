/* Hardware division: SDIV and UDIV are optional in ARMv7-A (the IDIV
 * extension, present on Cortex-A7/A15 and later and in QEMU's CPUs). As on
 * aarch64, division by zero quietly returns 0 (unless the kernel enables
 * the trap). Without IDIV, GCC calls __aeabi_idiv in libgcc.
 *
 * Run: lkmc run --userland userland/arch/arm/div.S --arch arm
 */
#include <lkmc.h>

.arch_extension idiv

LKMC_PROLOGUE
    mov r0, #100
    mov r1, #7
    udiv r2, r0, r1
    LKMC_ASSERT_EQ(r2, 14)
    /* remainder: r0 - r2 * r1 */
    mls r3, r2, r1, r0
    LKMC_ASSERT_EQ(r3, 2)

    mvn r0, #6
    mov r1, #2
    sdiv r2, r0, r1
    LKMC_ASSERT_EQ(r2, -3)
    udiv r4, r0, r1
    LKMC_ASSERT_EQ(r4, 0x7ffffffc)

    mov r5, #0
    udiv r6, r0, r5
    LKMC_ASSERT_EQ(r6, 0)

    /* The C library helper gives the same result. */
    mov r0, #100
    mov r1, #7
    bl __aeabi_idiv
    LKMC_ASSERT_EQ(r0, 14)
LKMC_EPILOGUE
