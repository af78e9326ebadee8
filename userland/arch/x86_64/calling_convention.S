/* The System V AMD64 calling convention in detail: the 7th and later integer
 * arguments go on the stack (pushed right to left, so the 7th is lowest),
 * the caller removes them, and the callee preserves %rbx, %rbp, %r12-%r15:
 * values we keep there survive a call into printf.
 *
 * Run: lkmc run --userland userland/arch/x86_64/calling_convention.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* lkmc_sum10(1, 2, ..., 10) = 1*1 + 2*2 + ... + 10*10 = 385. */
    mov $1, %rdi
    mov $2, %rsi
    mov $3, %rdx
    mov $4, %rcx
    mov $5, %r8
    mov $6, %r9
    /* 4 stack arguments (32 bytes) keep %rsp 16-byte aligned. */
    push $10
    push $9
    push $8
    push $7
    call lkmc_sum10
    add $32, %rsp
    LKMC_ASSERT_EQ(%rax, 385)

    /* Callee-saved registers survive a call. */
    mov $0x1111, %rbx
    mov $0x1212, %r12
    mov $0x1313, %r13
    mov $0x1414, %r14
    mov $0x1515, %r15
    lea format(%rip), %rdi
    mov $123, %esi
    xor %eax, %eax
    call printf@PLT
    LKMC_ASSERT_EQ(%rbx, 0x1111)
    LKMC_ASSERT_EQ(%r12, 0x1212)
    LKMC_ASSERT_EQ(%r13, 0x1313)
    LKMC_ASSERT_EQ(%r14, 0x1414)
    LKMC_ASSERT_EQ(%r15, 0x1515)
LKMC_EPILOGUE

.section .rodata
format:
    .asciz "printf clobbers caller-saved registers: %d\n"
