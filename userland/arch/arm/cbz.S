/* CBZ and CBNZ (Thumb-2 only): compare with zero and branch forward, without
 * touching the flags.
 *
 * Run: lkmc run --userland userland/arch/arm/cbz.S --arch arm
 */
#include <lkmc.h>

.thumb

LKMC_PROLOGUE
    movs r0, #0
    cbz r0, 1f
    LKMC_ASSERT_FAIL
1:
    movs r1, #5
    cbnz r1, 2f
    LKMC_ASSERT_FAIL
2:
    /* Flags survive: Z from the cmp is still set after the cbnz. */
    cmp r1, r1
    cbnz r1, 3f
3:
    ite eq
    moveq r2, #1
    movne r2, #0
    LKMC_ASSERT_EQ(r2, 1)
LKMC_EPILOGUE
