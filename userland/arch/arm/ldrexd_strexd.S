/* 64-bit exclusives: LDREXD/STREXD on an 8-byte aligned doubleword with an
 * even/odd register pair, the base of atomic uint64_t on 32-bit arm (plain
 * LDRD is not guaranteed single-copy atomic).
 *
 * Run: lkmc run --userland userland/arch/arm/ldrexd_strexd.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    sub sp, sp, #8
    mov r0, sp
    mvn r2, #0
    mov r3, #0
    strd r2, r3, [r0]

    /* Atomic 64-bit increment: 0x00000000ffffffff + 1. */
1:
    ldrexd r2, r3, [r0]
    adds r2, r2, #1
    adc r3, r3, #0
    strexd r1, r2, r3, [r0]
    cmp r1, #0
    bne 1b
    ldrd r4, r5, [r0]
    LKMC_ASSERT_EQ(r4, 0)
    LKMC_ASSERT_EQ(r5, 1)
    add sp, sp, #8
LKMC_EPILOGUE
