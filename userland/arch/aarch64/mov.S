/* Building constants: instructions are 32 bits, so a 64-bit constant is
 * assembled 16 bits at a time with MOVZ (zero the rest) and MOVK (keep the
 * rest), or MOVN (inverted). "mov" picks one of them, or ORR with a bitmask
 * immediate (repeating patterns like 0x5555...), automatically.
 *
 * Run: lkmc run --userland userland/arch/aarch64/mov.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movz x0, 0x1234, lsl 16
    LKMC_ASSERT_EQ(x0, 0x12340000)
    movk x0, 0xabcd
    LKMC_ASSERT_EQ(x0, 0x1234abcd)

    /* The full 64 bits in four steps. */
    movz x1, 0xdef0
    movk x1, 0x9abc, lsl 16
    movk x1, 0x5678, lsl 32
    movk x1, 0x1234, lsl 48
    LKMC_ASSERT_EQ(x1, 0x123456789abcdef0)

    /* movn: NOT of the shifted immediate. */
    movn x2, 0
    LKMC_ASSERT_EQ(x2, -1)
    /* The shift is 0, 16, 32 or 48. */
    movn x3, 0xff, lsl 16
    LKMC_ASSERT_EQ(x3, 0xffffffffff00ffff)

    /* Bitmask immediates: encodable by "mov" in one instruction. */
    mov x4, 0x5555555555555555
    LKMC_ASSERT_EQ(x4, 0x5555555555555555)
    mov x5, 0x00ff00ff00ff00ff
    LKMC_ASSERT_EQ(x5, 0x00ff00ff00ff00ff)

    /* Register moves; a w write zeroes the top half. */
    mov x6, -1
    mov w6, w4
    LKMC_ASSERT_EQ(x6, 0x55555555)
    mov x7, x1
    LKMC_ASSERT_EQ(x7, 0x123456789abcdef0)

    /* Large constants can also come from a literal pool. */
    ldr x8, =0xfedcba9876543210
    LKMC_ASSERT_EQ(x8, 0xfedcba9876543210)
LKMC_EPILOGUE
