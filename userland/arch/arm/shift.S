/* Shifts: there are no separate shift instructions in classic ARM; LSL,
 * LSR, ASR, ROR and RRX are operand modifiers of MOV and every data
 * instruction (the barrel shifter), by an immediate or by a register.
 * With S, the last bit shifted out goes to C.
 *
 * Run: lkmc run --userland userland/arch/arm/shift.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #1
    lsl r1, r0, #4
    LKMC_ASSERT_EQ(r1, 16)

    mvn r2, #15
    lsr r3, r2, #2
    LKMC_ASSERT_EQ(r3, 0x3ffffffc)
    asr r4, r2, #2
    LKMC_ASSERT_EQ(r4, -4)

    movw r5, #1
    movt r5, #0x8000
    ror r6, r5, #1
    LKMC_ASSERT_EQ(r6, 0xc0000000)

    /* By register: only the bottom byte counts; 32 or more gives 0 for lsl. */
    mov r7, #32
    lsl r8, r0, r7
    LKMC_ASSERT_EQ(r8, 0)

    /* rrx: rotate right by one through the carry. */
    mov r9, #0x20000000
    msr apsr_nzcvq, r9
    mov r10, #2
    rrx r10, r10
    LKMC_ASSERT_EQ(r10, 0x80000001)

    /* The shifted bit goes to C with s. */
    mov r11, #3
    lsrs r11, r11, #1
    movcs r12, #1
    movcc r12, #0
    LKMC_ASSERT_EQ(r12, 1)

    /* Free shift inside an add: r0 + (r1 << 2) */
    add r1, r0, r1, lsl #2
    LKMC_ASSERT_EQ(r1, 65)
LKMC_EPILOGUE
