/* Conditional jumps after CMP: unsigned conditions (jb, ja: "below",
 * "above") read CF/ZF; signed ones (jl, jg: "less", "greater") read SF/OF.
 * The same bits compare differently: -1 < 1 signed, but 0xff..ff > 1
 * unsigned.
 *
 * Run: lkmc run --userland userland/arch/x86_64/jcc.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $-1, %rax
    mov $1, %rbx
    cmp %rbx, %rax
    /* Signed: -1 < 1. */
    jl 1f
    LKMC_ASSERT_FAIL
1:
    cmp %rbx, %rax
    /* Unsigned: 0xffffffffffffffff > 1. */
    ja 2f
    LKMC_ASSERT_FAIL
2:
    cmp %rax, %rax
    je 3f
    LKMC_ASSERT_FAIL
3:
    cmp %rbx, %rax
    jne 4f
    LKMC_ASSERT_FAIL
4:
    /* test sets ZF from an AND, a common zero check. */
    xor %ecx, %ecx
    test %rcx, %rcx
    jz 5f
    LKMC_ASSERT_FAIL
5:
    /* Not taken: falls through. */
    mov $0, %rdx
    cmp $5, %rbx
    jg 6f
    mov $1, %rdx
6:
    LKMC_ASSERT_EQ(%rdx, 1)
    /* jrcxz jumps when %rcx is zero, without flags. */
    xor %ecx, %ecx
    jrcxz 7f
    LKMC_ASSERT_FAIL
7:
LKMC_EPILOGUE
