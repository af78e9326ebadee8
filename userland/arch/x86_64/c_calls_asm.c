/* Calling assembly from C: a function written in assembly (top-level asm in
 * this file, it could be a separate .S) is declared with a C prototype and
 * called like any other. It must follow the ABI: arguments in %rdi, %rsi,
 * ..., result in %rax, preserve %rbx, %rbp, %r12-%r15.
 *
 * Run: lkmc run --userland userland/arch/x86_64/c_calls_asm.c --arch x86_64
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

uint64_t asm_mul_add(uint64_t a, uint64_t b, uint64_t c);
uint64_t asm_sum_array(const uint64_t *a, uint64_t n);

__asm__(
    ".text\n"
    ".global asm_mul_add\n"
    ".type asm_mul_add, @function\n"
    "asm_mul_add:\n"
    "    mov %rdi, %rax\n"
    "    imul %rsi, %rax\n"
    "    add %rdx, %rax\n"
    "    ret\n"
    ".global asm_sum_array\n"
    ".type asm_sum_array, @function\n"
    "asm_sum_array:\n"
    "    xor %eax, %eax\n"
    "    test %rsi, %rsi\n"
    "    jz 2f\n"
    "1:\n"
    "    add (%rdi), %rax\n"
    "    add $8, %rdi\n"
    "    dec %rsi\n"
    "    jnz 1b\n"
    "2:\n"
    "    ret\n"
);

int main(void) {
    uint64_t a[] = {1, 2, 3, 4, 100};
    LKMC_ASSERT_EQ(asm_mul_add(6, 7, 3), 45);
    LKMC_ASSERT_EQ(asm_sum_array(a, 5), 110);
    LKMC_ASSERT_EQ(asm_sum_array(a, 0), 0);
    printf("asm_mul_add(6, 7, 3) = %llu\n", (unsigned long long)asm_mul_add(6, 7, 3));
    return 0;
}
