/* Calling C from assembly with the AAPCS (hard-float variant): arguments in
 * r0-r3, result in r0, sp 8-byte aligned at calls, r4-r11 preserved by the
 * callee. bl to a libc function goes through the PLT automatically.
 *
 * Run: lkmc run --userland userland/arch/arm/call_c.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #40
    mov r1, #2
    bl lkmc_add2
    LKMC_ASSERT_EQ(r0, 42)

    adr r0, message
    bl strlen
    LKMC_ASSERT_EQ(r0, 12)

    adr r0, message
    bl puts
    adr r0, format
    mov r1, #7
    bl printf
    LKMC_ASSERT_EQ(r0, 10)
LKMC_EPILOGUE

message:
    .asciz "hello from C"
format:
    .asciz "printf: %d\n"
.balign 4
