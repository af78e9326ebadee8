/* TBZ and TBNZ: test one bit of a register and branch if it is zero / not
 * zero. Handy for flags in bit fields and sign tests (bit 63).
 *
 * Run: lkmc run --userland userland/arch/aarch64/tbz_tbnz.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0b100
    tbnz x0, 2, 1f
    LKMC_ASSERT_FAIL
1:
    tbz x0, 1, 2f
    LKMC_ASSERT_FAIL
2:
    /* Negative numbers have bit 63 set. */
    mov x1, -5
    tbnz x1, 63, 3f
    LKMC_ASSERT_FAIL
3:
    /* Count the set bits of 0xb5 by testing each of the low 8. */
    mov x2, 0xb5
    mov x3, 0
    mov x4, 0
4:
    tbz x2, 0, 5f
    add x3, x3, 1
5:
    lsr x2, x2, 1
    add x4, x4, 1
    cmp x4, 8
    b.ne 4b
    LKMC_ASSERT_EQ(x3, 5)
LKMC_EPILOGUE
