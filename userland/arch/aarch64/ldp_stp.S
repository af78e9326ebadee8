/* LDP and STP: load or store a pair of registers in one instruction, the
 * standard way to save and restore registers in function prologues.
 *
 * Run: lkmc run --userland userland/arch/aarch64/ldp_stp.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 1
    mov x1, 2
    sub sp, sp, 32
    stp x0, x1, [sp]
    mov x2, 3
    mov x3, 4
    stp x2, x3, [sp, 16]
    /* The pair lands in consecutive memory: x0 at the lower address. */
    ldr x4, [sp, 8]
    LKMC_ASSERT_EQ(x4, 2)
    ldp x5, x6, [sp, 16]
    LKMC_ASSERT_EQ(x5, 3)
    LKMC_ASSERT_EQ(x6, 4)
    /* 32-bit pairs. */
    ldp w7, w8, [sp]
    LKMC_ASSERT_EQ(x7, 1)
    LKMC_ASSERT_EQ(x8, 0)
    add sp, sp, 32

    /* Sign-extending pair load. */
    adr x9, words
    ldpsw x10, x11, [x9]
    LKMC_ASSERT_EQ(x10, -1)
    LKMC_ASSERT_EQ(x11, 5)
LKMC_EPILOGUE

.balign 8
words:
    .word -1, 5
