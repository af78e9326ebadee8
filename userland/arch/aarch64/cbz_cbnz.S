/* CBZ and CBNZ: compare a register with zero and branch, in one instruction
 * and without touching the flags.
 *
 * Run: lkmc run --userland userland/arch/aarch64/cbz_cbnz.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0
    cbz x0, 1f
    LKMC_ASSERT_FAIL
1:
    mov x1, 5
    cbnz x1, 2f
    LKMC_ASSERT_FAIL
2:
    /* Count down to zero with cbnz. */
    mov x2, 0
    mov x3, 4
3:
    add x2, x2, 10
    sub x3, x3, 1
    cbnz x3, 3b
    LKMC_ASSERT_EQ(x2, 40)

    /* Flags are preserved across cbz: Z from this cmp is still set after. */
    cmp x1, x1
    mov x4, 1
    cbz x4, 4f
4:
    cset x5, eq
    LKMC_ASSERT_EQ(x5, 1)

    /* w form tests only the low 32 bits. */
    mov x6, 0x100000000
    cbz w6, 5f
    LKMC_ASSERT_FAIL
5:
LKMC_EPILOGUE
