/* Saturating arithmetic (DSP extension): QADD/QSUB clamp to the signed
 * 32-bit range instead of wrapping and set the sticky Q flag; SSAT/USAT
 * clamp to n bits. Useful for audio and image processing.
 *
 * Run: lkmc run --userland userland/arch/arm/saturating.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* Clear Q. */
    mov r0, #0
    msr apsr_nzcvq, r0

    mvn r1, #0x80000000
    mov r2, #1
    qadd r3, r1, r2
    LKMC_ASSERT_EQ(r3, 0x7fffffff)
    mrs r4, apsr
    and r4, r4, #0x08000000
    LKMC_ASSERT_EQ(r4, 0x08000000)

    /* No overflow: a normal result. */
    mov r5, #5
    qsub r6, r5, r2
    LKMC_ASSERT_EQ(r6, 4)

    /* Clamp 300 to signed 8 bits (127) and -300 to unsigned 8 bits (0). */
    movw r7, #300
    ssat r8, #8, r7
    LKMC_ASSERT_EQ(r8, 127)
    rsb r9, r7, #0
    usat r10, #8, r9
    LKMC_ASSERT_EQ(r10, 0)
    ssat r11, #8, r9
    LKMC_ASSERT_EQ(r11, -128)
LKMC_EPILOGUE
