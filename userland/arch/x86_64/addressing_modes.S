/* Memory addressing modes: disp(base, index, scale) with any subset of the
 * parts, scale in 1, 2, 4, 8, and RIP-relative. Walks an array of quads.
 *
 * Run: lkmc run --userland userland/arch/x86_64/addressing_modes.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    lea array(%rip), %rbx
    /* (base) */
    mov (%rbx), %rax
    LKMC_ASSERT_EQ(%rax, 10)
    /* disp(base) */
    mov 16(%rbx), %rax
    LKMC_ASSERT_EQ(%rax, 30)
    /* (base, index, scale): array[3] */
    mov $3, %rcx
    mov (%rbx, %rcx, 8), %rax
    LKMC_ASSERT_EQ(%rax, 40)
    /* disp(base, index, scale): array[3 + 1] */
    mov 8(%rbx, %rcx, 8), %rax
    LKMC_ASSERT_EQ(%rax, 50)
    /* Negative displacement from the end. */
    lea array_end(%rip), %rdx
    mov -8(%rdx), %rax
    LKMC_ASSERT_EQ(%rax, 50)
    /* disp(, index, scale) with an absolute displacement is not allowed in
     * a PIE; RIP-relative plus an offset is: */
    mov array+8(%rip), %rax
    LKMC_ASSERT_EQ(%rax, 20)

    /* Sum the array with an index register. */
    xor %eax, %eax
    xor %ecx, %ecx
1:
    add (%rbx, %rcx, 8), %rax
    inc %rcx
    cmp $5, %rcx
    jne 1b
    LKMC_ASSERT_EQ(%rax, 150)
LKMC_EPILOGUE

.section .rodata
array:
    .quad 10, 20, 30, 40, 50
array_end:
