/* Addressing modes: [base, imm] (offset), [base, imm]! (pre-index: update
 * base first), [base], imm (post-index: update after), [base, reg, lsl n]
 * (scaled register), [base, wreg, sxtw n] (sign-extended 32-bit index).
 *
 * Run: lkmc run --userland userland/arch/aarch64/addressing_modes.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr x0, array
    ldr x1, [x0, 16]
    LKMC_ASSERT_EQ(x1, 30)

    /* Pre-index: x2 = x0 + 8, then load. */
    mov x2, x0
    ldr x3, [x2, 8]!
    LKMC_ASSERT_EQ(x3, 20)
    sub x4, x2, x0
    LKMC_ASSERT_EQ(x4, 8)

    /* Post-index: load from x2, then x2 += 8. */
    ldr x3, [x2], 8
    LKMC_ASSERT_EQ(x3, 20)
    sub x4, x2, x0
    LKMC_ASSERT_EQ(x4, 16)

    /* Register index scaled by the element size: array[4]. */
    mov x5, 4
    ldr x6, [x0, x5, lsl 3]
    LKMC_ASSERT_EQ(x6, 50)

    /* A negative 32-bit index, sign-extended: (array + 32)[-2]. */
    add x7, x0, 32
    mov w8, -2
    ldr x9, [x7, w8, sxtw 3]
    LKMC_ASSERT_EQ(x9, 30)

    /* Walk and sum with post-increment. */
    mov x10, x0
    mov x11, 0
    mov x12, 5
1:
    ldr x13, [x10], 8
    add x11, x11, x13
    subs x12, x12, 1
    b.ne 1b
    LKMC_ASSERT_EQ(x11, 150)
LKMC_EPILOGUE

.balign 8
array:
    .quad 10, 20, 30, 40, 50
