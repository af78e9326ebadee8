/* NEON structure loads and stores: LD1/ST1 move consecutive elements, LD2/
 * LD3 deinterleave (e.g. split RGB pixels into one register per channel),
 * ST2/ST3 interleave back, LD1R loads one element into every lane.
 *
 * Run: lkmc run --userland userland/arch/aarch64/neon_ld_st.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* Four RGB pixels: r0 g0 b0 r1 g1 b1 ... */
    adr x0, rgb
    ld3 {v0.8b, v1.8b, v2.8b}, [x0]
    /* v0 has the reds: 1, 4, 7, 10 ... */
    umov w1, v0.b[0]
    LKMC_ASSERT_EQ(x1, 1)
    umov w1, v0.b[3]
    LKMC_ASSERT_EQ(x1, 10)
    umov w2, v2.b[1]
    LKMC_ASSERT_EQ(x2, 6)

    /* Swap red and blue, interleave back. */
    mov v3.8b, v2.8b
    mov v4.8b, v1.8b
    mov v5.8b, v0.8b
    adrp x3, out
    add x3, x3, :lo12:out
    st3 {v3.8b, v4.8b, v5.8b}, [x3]
    adr x4, bgr
    LKMC_ASSERT_MEMCMP(x3, x4, 24)

    /* Pairs: ld2 splits even and odd 32-bit elements. */
    adr x5, pairs
    ld2 {v6.4s, v7.4s}, [x5]
    mov w6, v6.s[2]
    LKMC_ASSERT_EQ(x6, 5)
    mov w7, v7.s[2]
    LKMC_ASSERT_EQ(x7, 6)

    /* Replicate one element. */
    ld1r {v8.4s}, [x5]
    mov w8, v8.s[3]
    LKMC_ASSERT_EQ(x8, 1)

    /* Post-increment by the amount transferred. */
    mov x9, x5
    ld1 {v9.4s}, [x9], 16
    sub x10, x9, x5
    LKMC_ASSERT_EQ(x10, 16)
LKMC_EPILOGUE

.balign 16
rgb:
    .byte 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    .byte 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24
bgr:
    .byte 3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10
    .byte 15, 14, 13, 18, 17, 16, 21, 20, 19, 24, 23, 22
pairs:
    .word 1, 2, 3, 4, 5, 6, 7, 8

.bss
.balign 16
out:
    .skip 32
