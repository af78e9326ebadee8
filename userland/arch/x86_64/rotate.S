/* Rotates: ROL and ROR move the bits that fall off one end back in at the
 * other; RCL and RCR rotate through the carry flag (65-bit rotation).
 *
 * Run: lkmc run --userland userland/arch/x86_64/rotate.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0x8000000000000001, %rax
    rol $1, %rax
    LKMC_ASSERT_EQ(%rax, 3)
    ror $2, %rax
    LKMC_ASSERT_EQ(%rax, 0xc000000000000000)

    /* 16-bit rotate by 8 swaps the bytes. */
    mov $0x1234, %bx
    rol $8, %bx
    LKMC_ASSERT_EQ(%bx, 0x3412)

    /* rcl: CF goes into bit 0, bit 63 goes into CF. */
    mov $0x8000000000000000, %rcx
    stc
    rcl $1, %rcx
    setc %dl
    LKMC_ASSERT_EQ(%rcx, 1)
    LKMC_ASSERT_EQ(%dl, 1)

    /* rorx (BMI2): rotate into another register, no flags. */
    mov $0xff, %rsi
    rorx $4, %rsi, %rdi
    LKMC_ASSERT_EQ(%rdi, 0xf00000000000000f)
LKMC_EPILOGUE
