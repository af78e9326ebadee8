/* ADD: integer addition with immediates, registers and shifted registers.
 *
 * Run: lkmc run --userland userland/arch/aarch64/add.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 1
    add x1, x0, 2
    LKMC_ASSERT_EQ(x1, 3)

    /* Register + register. */
    mov x2, 0x10
    add x3, x2, x1
    LKMC_ASSERT_EQ(x3, 0x13)

    /* The second register can be shifted for free: x2 + (x1 << 4). */
    add x4, x2, x1, lsl 4
    LKMC_ASSERT_EQ(x4, 0x40)

    /* 12-bit immediates, optionally shifted left by 12. Register 31 is sp, not
     * xzr, in an add immediate. */
    mov x5, 1
    add x5, x5, 0xabc, lsl 12
    LKMC_ASSERT_EQ(x5, 0xabc001)

    /* A w (32-bit) result is zero-extended into the x register. */
    mov x6, -1
    add w6, w6, 1
    LKMC_ASSERT_EQ(x6, 0)

    /* Wraparound in 64 bits. */
    mov x7, -1
    add x7, x7, 2
    LKMC_ASSERT_EQ(x7, 1)
LKMC_EPILOGUE
