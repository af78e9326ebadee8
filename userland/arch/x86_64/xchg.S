/* XCHG and XADD. xchg with a memory operand is implicitly atomic (locked);
 * lock xadd atomically adds and returns the old value (fetch-and-add).
 *
 * Run: lkmc run --userland userland/arch/x86_64/xchg.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $1, %rax
    mov $2, %rbx
    xchg %rax, %rbx
    LKMC_ASSERT_EQ(%rax, 2)
    LKMC_ASSERT_EQ(%rbx, 1)

    /* Atomic swap with memory: a spinlock acquire. */
    movq $0, lock(%rip)
    mov $1, %rcx
    xchg %rcx, lock(%rip)
    LKMC_ASSERT_EQ(%rcx, 0)
    mov lock(%rip), %rdx
    LKMC_ASSERT_EQ(%rdx, 1)

    /* Fetch-and-add. */
    movq $10, counter(%rip)
    mov $5, %rsi
    lock xadd %rsi, counter(%rip)
    LKMC_ASSERT_EQ(%rsi, 10)
    mov counter(%rip), %rdi
    LKMC_ASSERT_EQ(%rdi, 15)
LKMC_EPILOGUE

.data
lock:
    .quad 0
counter:
    .quad 0
