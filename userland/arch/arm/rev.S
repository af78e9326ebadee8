/* Byte reversal: REV (32-bit endianness swap), REV16 (each half-word), REVSH
 * (swap the bottom half-word and sign extend).
 *
 * Run: lkmc run --userland userland/arch/arm/rev.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movw r0, #0x0304
    movt r0, #0x0102
    rev r1, r0
    LKMC_ASSERT_EQ(r1, 0x04030201)
    rev16 r2, r0
    LKMC_ASSERT_EQ(r2, 0x02010403)
    mov r3, #0x80
    revsh r4, r3
    LKMC_ASSERT_EQ(r4, 0xffff8000)
LKMC_EPILOGUE
