/* NEON floating point: four single-precision (v.4s) or two double-precision
 * (v.2d) lanes. FADD, FMUL, FMLA (fused multiply-accumulate), FSQRT, and the
 * pairwise FADDP to reduce.
 *
 * Run: lkmc run --userland userland/arch/aarch64/neon_float.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr x0, x
    ld1 {v0.4s}, [x0]
    fmov v1.4s, 0.5
    fadd v2.4s, v0.4s, v1.4s
    adrp x1, out
    add x1, x1, :lo12:out
    st1 {v2.4s}, [x1]
    adr x2, x_plus_half
    LKMC_ASSERT_MEMCMP(x1, x2, 16)

    /* sqrt(x * x) = x */
    fmul v3.4s, v0.4s, v0.4s
    fsqrt v3.4s, v3.4s
    st1 {v3.4s}, [x1]
    LKMC_ASSERT_MEMCMP(x1, x0, 16)

    /* v4 = 1 + x * 2, fused */
    fmov v4.4s, 1.0
    fmov v5.4s, 2.0
    fmla v4.4s, v0.4s, v5.4s
    mov w3, v4.s[3]
    /* 9.0f */
    LKMC_ASSERT_EQ(x3, 0x41100000)

    /* Sum of the lanes 1 + 2 + 3 + 4 with two pairwise adds. */
    faddp v6.4s, v0.4s, v0.4s
    faddp s7, v6.2s
    fmov w4, s7
    /* 10.0f */
    LKMC_ASSERT_EQ(x4, 0x41200000)

    /* Doubles. */
    fmov v8.2d, 1.5
    fadd v9.2d, v8.2d, v8.2d
    mov x5, v9.d[1]
    LKMC_ASSERT_EQ(x5, 0x4008000000000000)
LKMC_EPILOGUE

.balign 16
x:
    .float 1.0, 2.0, 3.0, 4.0
x_plus_half:
    .float 1.5, 2.5, 3.5, 4.5

.bss
.balign 16
out:
    .skip 16
