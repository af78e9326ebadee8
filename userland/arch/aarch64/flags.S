/* The NZCV flags: N (negative), Z (zero), C (carry out / no borrow), V
 * (signed overflow). Only the S-suffixed instructions and compares set them;
 * mrs reads them (bits 31..28 of NZCV).
 *
 * Run: lkmc run --userland userland/arch/aarch64/flags.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* 0x7fffffffffffffff + 1: signed overflow, negative, no carry. */
    mov x0, 0x7fffffffffffffff
    adds x1, x0, 1
    mrs x2, nzcv
    LKMC_ASSERT_EQ(x2, 0x90000000)

    /* -1 + 1 = 0: carry out and zero. */
    mov x0, -1
    adds x1, x0, 1
    mrs x2, nzcv
    LKMC_ASSERT_EQ(x2, 0x60000000)

    /* add without s leaves the flags alone. */
    add x1, x0, 5
    mrs x3, nzcv
    LKMC_ASSERT_EQ(x3, 0x60000000)

    /* Set flags by hand. */
    mov x4, 0x20000000
    msr nzcv, x4
    cset x5, cs
    LKMC_ASSERT_EQ(x5, 1)

    /* tst: AND that only sets N and Z (C and V cleared). */
    mov x6, 0xf0
    tst x6, 0x0f
    cset x7, eq
    LKMC_ASSERT_EQ(x7, 1)

    /* 32-bit flags come from the 32-bit result. */
    mov x8, 0xffffffff
    adds w9, w8, 1
    cset x10, eq
    LKMC_ASSERT_EQ(x10, 1)
LKMC_EPILOGUE
