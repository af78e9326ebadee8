/* JMP: unconditional jumps, direct (to a label) and indirect (to an address
 * in a register or in memory).
 *
 * Run: lkmc run --userland userland/arch/x86_64/jmp.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0, %rax
    jmp 1f
    mov $1, %rax
1:
    LKMC_ASSERT_EQ(%rax, 0)

    /* Indirect through a register. */
    lea 2f(%rip), %rbx
    jmp *%rbx
    LKMC_ASSERT_FAIL
2:
    /* Indirect through memory. */
    jmp *target(%rip)
    LKMC_ASSERT_FAIL
3:
    mov $3, %rcx
    LKMC_ASSERT_EQ(%rcx, 3)
LKMC_EPILOGUE

/* An absolute address in data: the dynamic linker relocates it at load. */
.section .data.rel.ro, "aw"
.balign 8
target:
    .quad 3b
