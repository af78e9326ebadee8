/* CMPXCHG: compare %rax with memory; if equal, store the source there and set
 * ZF, else load the memory into %rax and clear ZF. With LOCK it is the atomic
 * compare-and-swap behind lock-free code. CMPXCHG16B does it for 16 bytes
 * (%rdx:%rax vs memory, stores %rcx:%rbx).
 *
 * Run: lkmc run --userland userland/arch/x86_64/cmpxchg.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    movq $5, value(%rip)
    /* Expected 5, new 7: succeeds. */
    mov $5, %rax
    mov $7, %rbx
    lock cmpxchg %rbx, value(%rip)
    setz %cl
    LKMC_ASSERT_EQ(%cl, 1)
    mov value(%rip), %rdx
    LKMC_ASSERT_EQ(%rdx, 7)

    /* Expected 5 again, but it is 7: fails and loads 7 into %rax. */
    mov $5, %rax
    mov $9, %rbx
    lock cmpxchg %rbx, value(%rip)
    setz %cl
    LKMC_ASSERT_EQ(%cl, 0)
    LKMC_ASSERT_EQ(%rax, 7)
    mov value(%rip), %rdx
    LKMC_ASSERT_EQ(%rdx, 7)

    /* 16-byte compare-and-swap; the operand must be 16-byte aligned. */
    mov $1, %rax
    mov $2, %rdx
    mov $3, %rbx
    mov $4, %rcx
    lock cmpxchg16b pair(%rip)
    setz %sil
    LKMC_ASSERT_EQ(%sil, 1)
    mov pair(%rip), %r8
    mov pair+8(%rip), %r9
    LKMC_ASSERT_EQ(%r8, 3)
    LKMC_ASSERT_EQ(%r9, 4)
LKMC_EPILOGUE

.data
.balign 16
pair:
    .quad 1, 2
value:
    .quad 0
