/* Multiplication: MUL (low 64 bits), MADD/MSUB (multiply-add/subtract in one
 * instruction), UMULH/SMULH (high 64 bits of the 128-bit product), and
 * UMULL/SMULL (32 x 32 -> 64).
 *
 * Run: lkmc run --userland userland/arch/aarch64/mul.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 6
    mov x1, 7
    mul x2, x0, x1
    LKMC_ASSERT_EQ(x2, 42)

    /* x3 = x0 * x1 + 100, x4 = 100 - x0 * x1 */
    mov x5, 100
    madd x3, x0, x1, x5
    LKMC_ASSERT_EQ(x3, 142)
    msub x4, x0, x1, x5
    LKMC_ASSERT_EQ(x4, 58)
    mneg x6, x0, x1
    LKMC_ASSERT_EQ(x6, -42)

    /* 2^63 * 4 = 2^65: low 0, high 2. */
    mov x0, 0x8000000000000000
    mov x1, 4
    mul x2, x0, x1
    umulh x3, x0, x1
    LKMC_ASSERT_EQ(x2, 0)
    LKMC_ASSERT_EQ(x3, 2)
    /* Signed: -2^63 * 4 = -2^65: high half -2. */
    smulh x4, x0, x1
    LKMC_ASSERT_EQ(x4, -2)

    /* 32 x 32 -> 64 bits. */
    mov w0, 0xffffffff
    mov w1, 2
    umull x2, w0, w1
    LKMC_ASSERT_EQ(x2, 0x1fffffffe)
    smull x3, w0, w1
    LKMC_ASSERT_EQ(x3, -2)
LKMC_EPILOGUE
