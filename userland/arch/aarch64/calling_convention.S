/* The AAPCS64 in detail: the first 8 integer arguments go in x0-x7, the
 * 9th and later on the stack at [sp], [sp + 8], ... (each in an 8-byte
 * slot); x19-x28 survive calls, x0-x18 do not.
 *
 * Run: lkmc run --userland userland/arch/aarch64/calling_convention.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* lkmc_sum10(1, ..., 10) = 1*1 + 2*2 + ... + 10*10 = 385 */
    mov x0, 1
    mov x1, 2
    mov x2, 3
    mov x3, 4
    mov x4, 5
    mov x5, 6
    mov x6, 7
    mov x7, 8
    mov x9, 9
    mov x10, 10
    /* 16 bytes of stack arguments keep sp aligned. */
    stp x9, x10, [sp, -16]!
    bl lkmc_sum10
    add sp, sp, 16
    LKMC_ASSERT_EQ(x0, 385)

    mov x19, 0x1919
    mov x20, 0x2020
    mov x28, 0x2828
    adr x0, format
    mov x1, 123
    bl printf
    LKMC_ASSERT_EQ(x19, 0x1919)
    LKMC_ASSERT_EQ(x20, 0x2020)
    LKMC_ASSERT_EQ(x28, 0x2828)
LKMC_EPILOGUE

format:
    .asciz "printf clobbers x0-x18: %d\n"
.balign 4
