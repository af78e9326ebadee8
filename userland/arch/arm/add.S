/* ADD: integer addition with immediates, registers and the barrel shifter.
 *
 * Run: lkmc run --userland userland/arch/arm/add.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #1
    add r1, r0, #2
    LKMC_ASSERT_EQ(r1, 3)

    /* Register + register. */
    mov r2, #0x10
    add r3, r2, r1
    LKMC_ASSERT_EQ(r3, 0x13)

    /* The second operand can go through the barrel shifter: r2 + (r1 << 4). */
    add r4, r2, r1, lsl #4
    LKMC_ASSERT_EQ(r4, 0x40)

    /* Immediates are 8 bits rotated right by an even amount: 0xff000000 is one. */
    mov r5, #0
    add r5, r5, #0xff000000
    LKMC_ASSERT_EQ(r5, 0xff000000)

    /* Wraparound in 32 bits. */
    mvn r6, #0
    add r6, r6, #2
    LKMC_ASSERT_EQ(r6, 1)
LKMC_EPILOGUE
