/* REPE CMPSB: compare (%rsi) and (%rdi) byte by byte while equal, at most
 * %rcx bytes: memcmp in one instruction. The flags afterwards are those of
 * the last comparison.
 *
 * Run: lkmc run --userland userland/arch/x86_64/repe_cmpsb.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    lea a(%rip), %rsi
    lea b(%rip), %rdi
    mov $8, %rcx
    repe cmpsb
    /* Stopped after comparing the first difference, index 5: 6 comparisons
     * done, 2 left in %rcx, %rsi one past the differing byte. */
    setne %al
    LKMC_ASSERT_EQ(%al, 1)
    LKMC_ASSERT_EQ(%rcx, 2)
    lea a+6(%rip), %rdx
    sub %rdx, %rsi
    LKMC_ASSERT_EQ(%rsi, 0)

    /* Equal prefix only: ZF set at the end. */
    lea a(%rip), %rsi
    lea b(%rip), %rdi
    mov $5, %rcx
    repe cmpsb
    sete %al
    LKMC_ASSERT_EQ(%al, 1)
LKMC_EPILOGUE

.section .rodata
a:
    .ascii "abcdeXgh"
b:
    .ascii "abcdeYgh"
