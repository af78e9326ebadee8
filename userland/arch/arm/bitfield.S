/* Bit field instructions (ARMv6T2): UBFX/SBFX extract a field, BFI inserts
 * one, BFC clears one: no mask-and-shift sequences.
 *
 * Run: lkmc run --userland userland/arch/arm/bitfield.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movw r0, #0xabcd
    ubfx r1, r0, #4, #8
    LKMC_ASSERT_EQ(r1, 0xbc)
    sbfx r2, r0, #4, #8
    LKMC_ASSERT_EQ(r2, 0xffffffbc)

    mov r3, #5
    movw r4, #0xffff
    bfi r4, r3, #8, #4
    LKMC_ASSERT_EQ(r4, 0xf5ff)

    mvn r5, #0
    bfc r5, #0, #16
    LKMC_ASSERT_EQ(r5, 0xffff0000)
LKMC_EPILOGUE
