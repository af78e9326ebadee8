/* NEON (Advanced SIMD) integer arithmetic on 128-bit v registers, viewed as
 * lanes: v0.4s is four 32-bit lanes, v0.16b sixteen bytes. ADD and SUB
 * work lane by lane; UQADD saturates instead of wrapping.
 *
 * Run: lkmc run --userland userland/arch/aarch64/neon_add.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr x0, a
    adr x1, b
    ld1 {v0.4s}, [x0]
    ld1 {v1.4s}, [x1]
    add v2.4s, v0.4s, v1.4s
    adrp x2, out
    add x2, x2, :lo12:out
    st1 {v2.4s}, [x2]
    adr x3, a_plus_b
    LKMC_ASSERT_MEMCMP(x2, x3, 16)

    /* Lane 3 to a general register. */
    mov w4, v2.s[3]
    LKMC_ASSERT_EQ(x4, 44)

    /* 16 byte lanes: 250 + 10 wraps to 4, saturates to 255. */
    movi v3.16b, 250
    movi v4.16b, 10
    add v5.16b, v3.16b, v4.16b
    umov w5, v5.b[0]
    LKMC_ASSERT_EQ(x5, 4)
    uqadd v6.16b, v3.16b, v4.16b
    umov w6, v6.b[15]
    LKMC_ASSERT_EQ(x6, 255)

    /* Lane-wise multiply. */
    mul v7.4s, v0.4s, v1.4s
    mov w7, v7.s[1]
    LKMC_ASSERT_EQ(x7, 40)
LKMC_EPILOGUE

.balign 16
a:
    .word 1, 2, 3, 4
b:
    .word 10, 20, 30, 40
a_plus_b:
    .word 11, 22, 33, 44

.bss
.balign 16
out:
    .skip 16
