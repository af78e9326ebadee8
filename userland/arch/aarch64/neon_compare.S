/* NEON comparisons produce masks, not flags: each lane becomes all ones
 * (true) or all zeros (false). BSL/BIT then select lanes with a mask:
 * branchless per-lane max, clamping, and so on.
 *
 * Run: lkmc run --userland userland/arch/aarch64/neon_compare.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr x0, a
    adr x1, b
    ld1 {v0.4s}, [x0]
    ld1 {v1.4s}, [x1]
    /* Signed a > b per lane. */
    cmgt v2.4s, v0.4s, v1.4s
    mov w2, v2.s[0]
    LKMC_ASSERT_EQ(x2, 0xffffffff)
    mov w2, v2.s[1]
    LKMC_ASSERT_EQ(x2, 0)

    /* Lane-wise max with the mask: bsl picks v0 where the mask is set. */
    mov v3.16b, v2.16b
    bsl v3.16b, v0.16b, v1.16b
    adrp x3, out
    add x3, x3, :lo12:out
    st1 {v3.4s}, [x3]
    adr x4, max_ab
    LKMC_ASSERT_MEMCMP(x3, x4, 16)
    /* The same in one instruction. */
    smax v4.4s, v0.4s, v1.4s
    st1 {v4.4s}, [x3]
    LKMC_ASSERT_MEMCMP(x3, x4, 16)

    /* Compare with zero: which lanes are equal to 0? */
    cmeq v5.4s, v1.4s, 0
    mov w5, v5.s[2]
    LKMC_ASSERT_EQ(x5, 0xffffffff)
LKMC_EPILOGUE

.balign 16
a:
    .word 5, -1, 7, 2
b:
    .word 1, 3, 0, 9
max_ab:
    .word 5, 3, 7, 9

.bss
.balign 16
out:
    .skip 16
