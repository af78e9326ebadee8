/* RFLAGS: arithmetic sets CF (unsigned carry/borrow), ZF (zero), SF (sign
 * bit of the result) and OF (signed overflow). setCC copies one condition to
 * a byte register; pushf copies all of RFLAGS to the stack.
 *
 * Run: lkmc run --userland userland/arch/x86_64/flags.S --arch x86_64
 */
#include <lkmc.h>

#define CF 0x1
#define ZF 0x40
#define SF 0x80
#define OF 0x800

LKMC_PROLOGUE
    /* 0x7f + 1 in 8 bits: signed overflow (127 + 1), no unsigned carry. */
    mov $0x7f, %al
    add $1, %al
    setc %bl
    setz %cl
    sets %dl
    seto %sil
    LKMC_ASSERT_EQ(%bl, 0)
    LKMC_ASSERT_EQ(%cl, 0)
    LKMC_ASSERT_EQ(%dl, 1)
    LKMC_ASSERT_EQ(%sil, 1)

    /* 0xff + 1: unsigned carry, result zero, no signed overflow (-1 + 1). */
    mov $0xff, %al
    add $1, %al
    setc %bl
    setz %cl
    sets %dl
    seto %sil
    LKMC_ASSERT_EQ(%bl, 1)
    LKMC_ASSERT_EQ(%cl, 1)
    LKMC_ASSERT_EQ(%dl, 0)
    LKMC_ASSERT_EQ(%sil, 0)

    /* All flags at once with pushf. */
    mov $0x80, %al
    add $0x80, %al
    pushf
    pop %rax
    and $(CF | ZF | SF | OF), %rax
    LKMC_ASSERT_EQ(%rax, 0x841)

    /* stc/clc/cmc set, clear and complement CF directly. */
    stc
    setc %bl
    cmc
    setc %cl
    LKMC_ASSERT_EQ(%bl, 1)
    LKMC_ASSERT_EQ(%cl, 0)

    /* Logical instructions clear CF and OF. */
    stc
    mov $-1, %rax
    and %rax, %rax
    setc %bl
    sets %cl
    LKMC_ASSERT_EQ(%bl, 0)
    LKMC_ASSERT_EQ(%cl, 1)
LKMC_EPILOGUE
