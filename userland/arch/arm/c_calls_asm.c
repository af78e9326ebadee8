/* Calling assembly from C: a function written in assembly (top-level asm in
 * this file, in ARM state while the C code is Thumb: the linker and bx/blx
 * handle the switch). Per the AAPCS: arguments in r0-r3, result in r0,
 * preserve r4-r11 and sp.
 *
 * Run: lkmc run --userland userland/arch/arm/c_calls_asm.c --arch arm
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

uint32_t asm_mul_add(uint32_t a, uint32_t b, uint32_t c);
uint32_t asm_sum_array(const uint32_t *a, uint32_t n);
uint64_t asm_add64(uint64_t a, uint64_t b);

__asm__(
    ".text\n"
    ".syntax unified\n"
    ".arm\n"
    ".global asm_mul_add\n"
    ".type asm_mul_add, %function\n"
    "asm_mul_add:\n"
    "    mla r0, r0, r1, r2\n"
    "    bx lr\n"
    ".global asm_sum_array\n"
    ".type asm_sum_array, %function\n"
    "asm_sum_array:\n"
    "    mov r2, #0\n"
    "    cmp r1, #0\n"
    "    beq 2f\n"
    "1:\n"
    "    ldr r3, [r0], #4\n"
    "    add r2, r2, r3\n"
    "    subs r1, r1, #1\n"
    "    bne 1b\n"
    "2:\n"
    "    mov r0, r2\n"
    "    bx lr\n"
    /* 64-bit arguments and results use register pairs: a in r1:r0, b in r3:r2. */
    ".global asm_add64\n"
    ".type asm_add64, %function\n"
    "asm_add64:\n"
    "    adds r0, r0, r2\n"
    "    adc r1, r1, r3\n"
    "    bx lr\n"
    ".thumb\n"
);

int main(void) {
    uint32_t a[] = {1, 2, 3, 4, 100};
    LKMC_ASSERT_EQ(asm_mul_add(6, 7, 3), 45);
    LKMC_ASSERT_EQ(asm_sum_array(a, 5), 110);
    LKMC_ASSERT_EQ(asm_sum_array(a, 0), 0);
    LKMC_ASSERT_EQ(asm_add64(0xffffffffULL, 1), 0x100000000ULL);
    printf("asm_mul_add(6, 7, 3) = %u\n", (unsigned)asm_mul_add(6, 7, 3));
    return 0;
}
