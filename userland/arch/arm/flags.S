/* The APSR flags N, Z, C, V (bits 31..28), set only by S-suffixed
 * instructions and compares, read with mrs and written with msr. Also the
 * sticky Q flag (bit 27) of saturating arithmetic, see saturating.S.
 *
 * Run: lkmc run --userland userland/arch/arm/flags.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* 0x7fffffff + 1: signed overflow and negative. */
    mvn r0, #0x80000000
    adds r1, r0, #1
    mrs r2, apsr
    and r2, r2, #0xf0000000
    LKMC_ASSERT_EQ(r2, 0x90000000)

    /* -1 + 1 = 0: carry out and zero. */
    mvn r0, #0
    adds r1, r0, #1
    mrs r2, apsr
    and r2, r2, #0xf0000000
    LKMC_ASSERT_EQ(r2, 0x60000000)

    /* add without s leaves them alone. */
    add r1, r0, #5
    mrs r3, apsr
    and r3, r3, #0xf0000000
    LKMC_ASSERT_EQ(r3, 0x60000000)

    /* Set C by hand and test it. */
    mov r4, #0x20000000
    msr apsr_nzcvq, r4
    movcs r5, #1
    movcc r5, #0
    LKMC_ASSERT_EQ(r5, 1)

    /* tst and teq: AND / XOR for flags only. */
    mov r6, #0xf0
    tst r6, #0x0f
    moveq r7, #1
    movne r7, #0
    LKMC_ASSERT_EQ(r7, 1)
    teq r6, #0xf0
    moveq r7, #1
    movne r7, #0
    LKMC_ASSERT_EQ(r7, 1)
LKMC_EPILOGUE
