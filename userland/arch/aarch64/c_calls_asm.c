/* Calling assembly from C: a function written in assembly (top-level asm in
 * this file) with a C prototype. Per the AAPCS64: arguments in x0-x7, the
 * result in x0, and x19-x28, x29, sp preserved.
 *
 * Run: lkmc run --userland userland/arch/aarch64/c_calls_asm.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

uint64_t asm_mul_add(uint64_t a, uint64_t b, uint64_t c);
uint64_t asm_sum_array(const uint64_t *a, uint64_t n);

__asm__(
    ".text\n"
    ".global asm_mul_add\n"
    ".type asm_mul_add, %function\n"
    "asm_mul_add:\n"
    "    madd x0, x0, x1, x2\n"
    "    ret\n"
    ".global asm_sum_array\n"
    ".type asm_sum_array, %function\n"
    "asm_sum_array:\n"
    "    mov x2, 0\n"
    "    cbz x1, 2f\n"
    "1:\n"
    "    ldr x3, [x0], 8\n"
    "    add x2, x2, x3\n"
    "    subs x1, x1, 1\n"
    "    b.ne 1b\n"
    "2:\n"
    "    mov x0, x2\n"
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
