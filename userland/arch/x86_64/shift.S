/* Shifts: SHL (left), SHR (logical right: zeros in), SAR (arithmetic right:
 * copies of the sign bit in). The count is an immediate or %cl, taken modulo
 * 64; the last bit shifted out goes to CF. SHLX/SARX (BMI2) use any register.
 *
 * Run: lkmc run --userland userland/arch/x86_64/shift.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $1, %rax
    shl $4, %rax
    LKMC_ASSERT_EQ(%rax, 16)

    mov $-16, %rbx
    mov %rbx, %rcx
    shr $2, %rbx
    LKMC_ASSERT_EQ(%rbx, 0x3ffffffffffffffc)
    sar $2, %rcx
    LKMC_ASSERT_EQ(%rcx, -4)

    /* Count in %cl. */
    mov $0x100, %rdx
    mov $8, %cl
    shr %cl, %rdx
    LKMC_ASSERT_EQ(%rdx, 1)

    /* The bit shifted out lands in CF. */
    mov $3, %rsi
    shr $1, %rsi
    setc %dil
    LKMC_ASSERT_EQ(%dil, 1)
    LKMC_ASSERT_EQ(%rsi, 1)

    /* The count is masked to 6 bits: shifting by 64 shifts by 0. */
    mov $5, %r8
    mov $64, %cl
    shl %cl, %r8
    LKMC_ASSERT_EQ(%r8, 5)

    /* BMI2: three operands, flags untouched. */
    mov $3, %r9
    mov $5, %r10
    shlx %r9, %r10, %r11
    LKMC_ASSERT_EQ(%r11, 40)

    /* shld: shift in bits from another register (double-precision shift). */
    mov $0x1, %rax
    mov $0x8000000000000000, %rbx
    shld $1, %rbx, %rax
    LKMC_ASSERT_EQ(%rax, 3)
LKMC_EPILOGUE
