/* Calling C from assembly with the AAPCS64: arguments in x0-x7, result in
 * x0, sp 16-byte aligned, x19-x28 preserved by the callee. bl reaches
 * shared library functions through the PLT automatically.
 *
 * Run: lkmc run --userland userland/arch/aarch64/call_c.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 40
    mov x1, 2
    bl lkmc_add2
    LKMC_ASSERT_EQ(x0, 42)

    adr x0, message
    bl strlen
    LKMC_ASSERT_EQ(x0, 12)

    adr x0, message
    bl puts
    /* Variadic arguments are passed like the named ones on Linux aarch64. */
    adr x0, format
    mov x1, 7
    bl printf
    LKMC_ASSERT_EQ(x0, 10)
LKMC_EPILOGUE

message:
    .asciz "hello from C"
format:
    .asciz "printf: %d\n"
.balign 4
