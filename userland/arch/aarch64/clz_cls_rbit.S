/* Bit counting: CLZ (count leading zeros), CLS (count leading sign bits,
 * not counting the sign bit itself), RBIT (reverse the bit order); RBIT then
 * CLZ counts trailing zeros. Population count needs NEON (neon_reduce.S).
 *
 * Run: lkmc run --userland userland/arch/aarch64/clz_cls_rbit.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0x0f00
    clz x1, x0
    LKMC_ASSERT_EQ(x1, 52)
    clz x2, xzr
    LKMC_ASSERT_EQ(x2, 64)
    clz w3, w0
    LKMC_ASSERT_EQ(x3, 20)

    /* Trailing zeros: reverse, then count leading zeros. */
    rbit x4, x0
    clz x5, x4
    LKMC_ASSERT_EQ(x5, 8)

    rbit x6, x0
    LKMC_ASSERT_EQ(x6, 0x00f0000000000000)

    /* cls: how many bits after the sign bit equal it. */
    mov x7, -1
    cls x8, x7
    LKMC_ASSERT_EQ(x8, 63)
    mov x9, 0x00ffffffffffffff
    cls x10, x9
    LKMC_ASSERT_EQ(x10, 7)
LKMC_EPILOGUE
