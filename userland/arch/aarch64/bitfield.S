/* Bit field instructions: UBFX/SBFX extract a field (zero/sign extended),
 * BFI inserts a field into another register, BFXIL inserts at the bottom,
 * UBFIZ zero-extends and shifts into place. No masks and shifts needed.
 *
 * Run: lkmc run --userland userland/arch/aarch64/bitfield.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0xabcd
    /* Bits 4..11 (8 bits from bit 4). */
    ubfx x1, x0, 4, 8
    LKMC_ASSERT_EQ(x1, 0xbc)
    /* The same field sign-extended: 0xbc is negative as 8 bits. */
    sbfx x2, x0, 4, 8
    LKMC_ASSERT_EQ(x2, 0xffffffffffffffbc)

    /* Insert the low 4 bits of x3 at bit 8 of x4. */
    mov x3, 0x5
    mov x4, 0xffff
    bfi x4, x3, 8, 4
    LKMC_ASSERT_EQ(x4, 0xf5ff)

    /* Copy bits 8..15 of x0 into bits 0..7 of x5. */
    mov x5, 0x1200
    bfxil x5, x0, 8, 8
    LKMC_ASSERT_EQ(x5, 0x12ab)

    mov x6, 0xff
    ubfiz x7, x6, 16, 4
    LKMC_ASSERT_EQ(x7, 0xf0000)

    /* bfc (ARMv8.2): clear a field. */
    mov x8, -1
    bfi x8, xzr, 0, 32
    LKMC_ASSERT_EQ(x8, 0xffffffff00000000)
LKMC_EPILOGUE
