/* Exclusive access (ARMv6+): LDREX marks the address, STREX stores only if
 * nothing else wrote it meanwhile and returns 0 on success, 1 on failure.
 * A retry loop makes an atomic read-modify-write; CLREX drops the mark.
 * (This replaced the old SWP instruction.)
 *
 * Run: lkmc run --userland userland/arch/arm/ldrex_strex.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    sub sp, sp, #8
    mov r0, sp
    mov r1, #0
    str r1, [r0]

    /* Atomic increment, 10 times. */
    mov r3, #10
1:
    ldrex r1, [r0]
    add r1, r1, #1
    strex r2, r1, [r0]
    cmp r2, #0
    bne 1b
    subs r3, r3, #1
    bne 1b
    ldr r4, [r0]
    LKMC_ASSERT_EQ(r4, 10)

    /* Compare-and-swap 10 -> 20. */
2:
    ldrex r5, [r0]
    cmp r5, #10
    bne 3f
    mov r6, #20
    strex r7, r6, [r0]
    cmp r7, #0
    bne 2b
    b 4f
3:
    clrex
    LKMC_ASSERT_FAIL
4:
    ldr r8, [r0]
    LKMC_ASSERT_EQ(r8, 20)

    /* No reservation after clrex: the store fails. */
    clrex
    mov r9, #99
    strex r10, r9, [r0]
    LKMC_ASSERT_EQ(r10, 1)
    ldr r11, [r0]
    LKMC_ASSERT_EQ(r11, 20)
    add sp, sp, #8
LKMC_EPILOGUE
