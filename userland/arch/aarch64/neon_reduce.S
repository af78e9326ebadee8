/* NEON reductions across lanes: ADDV (sum), UMAXV/UMINV (max/min), UADDLV
 * (widening sum, no overflow), and CNT (population count of each byte),
 * which with ADDV gives the popcount of a whole register.
 *
 * Run: lkmc run --userland userland/arch/aarch64/neon_reduce.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr x0, values
    ld1 {v0.4s}, [x0]
    addv s1, v0.4s
    fmov w1, s1
    LKMC_ASSERT_EQ(x1, 100)
    umaxv s2, v0.4s
    fmov w2, s2
    LKMC_ASSERT_EQ(x2, 40)
    uminv s3, v0.4s
    fmov w3, s3
    LKMC_ASSERT_EQ(x3, 10)

    /* 16 bytes of 200: the 8-bit sum would overflow, the widening one not. */
    movi v4.16b, 200
    uaddlv h5, v4.16b
    umov w5, v5.h[0]
    LKMC_ASSERT_EQ(x5, 3200)

    /* popcount(x6) = 32 + 4 */
    ldr x6, =0xffffffff0000000f
    fmov d7, x6
    cnt v7.8b, v7.8b
    addv b7, v7.8b
    umov w7, v7.b[0]
    LKMC_ASSERT_EQ(x7, 36)
LKMC_EPILOGUE

.balign 16
values:
    .word 10, 20, 30, 40
