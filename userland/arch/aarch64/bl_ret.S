/* BL and RET: bl stores the return address in x30 (the link register) and
 * branches; ret branches to x30. A function that calls others must save
 * x30 first. BLR calls through a register.
 *
 * Run: lkmc run --userland userland/arch/aarch64/bl_ret.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 20
    bl times3_plus1
    LKMC_ASSERT_EQ(x0, 61)

    /* x30 after bl is the address of the instruction after it. */
    bl get_lr
after:
    adr x1, after
    sub x2, x0, x1
    LKMC_ASSERT_EQ(x2, 0)

    /* A non-leaf function. */
    mov x0, 5
    bl twice_times3_plus1
    LKMC_ASSERT_EQ(x0, 49)

    adr x3, times3_plus1
    mov x0, 1
    blr x3
    LKMC_ASSERT_EQ(x0, 4)
LKMC_EPILOGUE

/* x0 = x0 * 3 + 1 */
times3_plus1:
    add x0, x0, x0, lsl 1
    add x0, x0, 1
    ret

get_lr:
    mov x0, x30
    ret

/* Calls times3_plus1 twice: must save x30 around the calls. */
twice_times3_plus1:
    stp x29, x30, [sp, -16]!
    mov x29, sp
    bl times3_plus1
    bl times3_plus1
    ldp x29, x30, [sp], 16
    ret
