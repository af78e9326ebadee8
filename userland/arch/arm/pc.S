/* The program counter as a register: in ARM state, reading pc gives the
 * address of the current instruction + 8 (+ 4 in Thumb state), a leftover
 * of the original 3-stage pipeline. adr computes pc-relative addresses.
 *
 * Run: lkmc run --userland userland/arch/arm/pc.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
here:
    mov r0, pc
    adr r1, here
    sub r2, r0, r1
    LKMC_ASSERT_EQ(r2, 8)

    /* Writing pc is a branch. */
    adr r3, 1f
    mov pc, r3
    LKMC_ASSERT_FAIL
1:
    /* A pc-relative load: ldr from a label is [pc, #offset]. */
    ldr r4, value
    LKMC_ASSERT_EQ(r4, 0x12345678)
LKMC_EPILOGUE

value:
    .word 0x12345678
