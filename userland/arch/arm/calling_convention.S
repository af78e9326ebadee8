/* The AAPCS in detail: the first four word-sized arguments go in r0-r3, the
 * rest on the stack ([sp] is the 5th); a 64-bit argument takes an even/odd
 * register pair (skipping r1 if needed) or an 8-byte aligned stack slot.
 * r4-r11 survive calls, r0-r3, r12, lr do not.
 *
 * Run: lkmc run --userland userland/arch/arm/calling_convention.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* lkmc_sum10(1, ..., 10) = 385: arguments 5 to 10 on the stack, 24
     * bytes (a multiple of 8, so sp stays aligned). */
    mov r0, #5
    mov r1, #6
    mov r2, #7
    mov r3, #8
    mov r4, #9
    mov r5, #10
    push {r0-r5}
    mov r0, #1
    mov r1, #2
    mov r2, #3
    mov r3, #4
    bl lkmc_sum10
    add sp, sp, #24
    LKMC_ASSERT_EQ(r0, 385)

    /* printf("%d %lld\n", 1, 0x100000002): r1 = 1, and the 64-bit value
     * needs an even/odd pair: r2:r3, low word in r2. (Were the int not
     * there, r1 would be skipped.) */
    adr r0, format
    mov r1, #1
    mov r2, #2
    mov r3, #1
    mov r4, #0x44
    mov r5, #0x55
    mov r11, #0x11
    bl printf
    LKMC_ASSERT_EQ(r0, 13)
    /* Callee-saved registers survived. */
    LKMC_ASSERT_EQ(r4, 0x44)
    LKMC_ASSERT_EQ(r5, 0x55)
    LKMC_ASSERT_EQ(r11, 0x11)
LKMC_EPILOGUE

format:
    .asciz "%d %lld\n"
.balign 4
