/* Moving data between lanes and registers: DUP (broadcast a register or a
 * lane), INS (insert into one lane), UMOV/SMOV (extract, zero or sign
 * extended), EXT (extract a window from a pair of vectors), REV64 and ZIP1.
 *
 * Run: lkmc run --userland userland/arch/aarch64/neon_lanes.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov w0, 7
    dup v0.4s, w0
    mov w1, v0.s[2]
    LKMC_ASSERT_EQ(x1, 7)

    mov w2, -1
    ins v0.s[1], w2
    smov x3, v0.h[2]
    LKMC_ASSERT_EQ(x3, -1)
    umov w4, v0.h[2]
    LKMC_ASSERT_EQ(x4, 0xffff)
    mov w5, v0.s[0]
    LKMC_ASSERT_EQ(x5, 7)

    /* Broadcast lane 1 to all lanes. */
    dup v1.4s, v0.s[1]
    mov w6, v1.s[3]
    LKMC_ASSERT_EQ(x6, 0xffffffff)

    /* ext: bytes 4..19 of the 32-byte concatenation v2:v3. */
    adr x7, bytes
    ld1 {v2.16b, v3.16b}, [x7]
    ext v4.16b, v2.16b, v3.16b, 4
    umov w8, v4.b[0]
    LKMC_ASSERT_EQ(x8, 4)
    umov w8, v4.b[15]
    LKMC_ASSERT_EQ(x8, 19)

    /* zip1 interleaves the low halves: a0 b0 a1 b1 ... */
    zip1 v5.16b, v2.16b, v3.16b
    umov w9, v5.b[1]
    LKMC_ASSERT_EQ(x9, 16)
    umov w9, v5.b[2]
    LKMC_ASSERT_EQ(x9, 1)
LKMC_EPILOGUE

.balign 16
bytes:
    .byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .byte 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
