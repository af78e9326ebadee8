/* CLZ (count leading zeros) and RBIT (reverse bits, ARMv6T2); RBIT then
 * CLZ counts trailing zeros.
 *
 * Run: lkmc run --userland userland/arch/arm/clz_rbit.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #0x0f00
    clz r1, r0
    LKMC_ASSERT_EQ(r1, 20)
    mov r2, #0
    clz r3, r2
    LKMC_ASSERT_EQ(r3, 32)
    rbit r4, r0
    LKMC_ASSERT_EQ(r4, 0x00f00000)
    clz r5, r4
    LKMC_ASSERT_EQ(r5, 8)
LKMC_EPILOGUE
