/* A jump table: what a dense C switch compiles to. The index selects a
 * 32-bit offset relative to the table (position independent), added to the
 * table's address and jumped to indirectly.
 *
 * Run: lkmc run --userland userland/arch/x86_64/jump_table.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0, %rdi
    call dispatch
    LKMC_ASSERT_EQ(%rax, 100)
    mov $2, %rdi
    call dispatch
    LKMC_ASSERT_EQ(%rax, 300)
    /* Out of range: default case. */
    mov $7, %rdi
    call dispatch
    LKMC_ASSERT_EQ(%rax, -1)
LKMC_EPILOGUE

dispatch:
    cmp $3, %rdi
    jae .Ldefault
    lea table(%rip), %rdx
    movslq (%rdx, %rdi, 4), %rax
    add %rdx, %rax
    jmp *%rax
.Lcase0:
    mov $100, %eax
    ret
.Lcase1:
    mov $200, %eax
    ret
.Lcase2:
    mov $300, %eax
    ret
.Ldefault:
    mov $-1, %rax
    ret

.section .rodata
.balign 4
table:
    .long .Lcase0 - table
    .long .Lcase1 - table
    .long .Lcase2 - table
