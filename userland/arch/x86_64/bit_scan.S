/* Finding bits: BSF/BSR (index of the lowest/highest set bit; undefined
 * result and ZF=1 for 0), and the newer TZCNT/LZCNT/POPCNT (defined for 0).
 *
 * Run: lkmc run --userland userland/arch/x86_64/bit_scan.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0x0f00, %rax
    bsf %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, 8)
    bsr %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, 11)

    /* Source 0: ZF is set. */
    xor %ecx, %ecx
    bsf %rcx, %rdx
    setz %sil
    LKMC_ASSERT_EQ(%sil, 1)

    tzcnt %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, 8)
    lzcnt %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, 52)
    popcnt %rax, %rbx
    LKMC_ASSERT_EQ(%rbx, 4)

    /* For 0, tzcnt and lzcnt give the operand size. */
    tzcnt %rcx, %rbx
    LKMC_ASSERT_EQ(%rbx, 64)
    lzcnt %ecx, %ebx
    LKMC_ASSERT_EQ(%rbx, 32)

    mov $-1, %rdx
    popcnt %rdx, %rbx
    LKMC_ASSERT_EQ(%rbx, 64)
LKMC_EPILOGUE
