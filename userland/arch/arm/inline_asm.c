/* GCC extended inline assembly on arm (compiled as Thumb-2 by default):
 * "r" operands, "+r" read-write, "I" immediates, register pairs for 64-bit
 * values (%Q0/%R0 name the low/high register), "cc" and "memory" clobbers,
 * and asm goto.
 *
 * Run: lkmc run --userland userland/arch/arm/inline_asm.c --arch arm
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

static int add_overflows(int32_t a, int32_t b) {
    __asm__ goto("adds %0, %0, %1\n\tbvs %l[overflow]" : : "r"(a), "r"(b) : "cc" : overflow);
    return 0;
overflow:
    return 1;
}

int main(void) {
    uint32_t x = 10, y = 32, sum;
    __asm__("add %0, %1, %2" : "=r"(sum) : "r"(x), "r"(y));
    LKMC_ASSERT_EQ(sum, 42);

    uint32_t v = 5;
    __asm__("lsl %0, %0, %1" : "+r"(v) : "I"(3));
    LKMC_ASSERT_EQ(v, 40);

    /* 64-bit add with adds/adc on the two halves of each operand. */
    uint64_t a = 0xffffffffULL, b = 1, r;
    __asm__("adds %Q0, %Q1, %Q2\n\tadc %R0, %R1, %R2" : "=&r"(r) : "r"(a), "r"(b) : "cc");
    LKMC_ASSERT_EQ(r, 0x100000000ULL);

    uint32_t mem = 7;
    __asm__ __volatile__("str %1, %0" : "=m"(mem) : "r"(9u) : "memory");
    LKMC_ASSERT_EQ(mem, 9);

    LKMC_ASSERT_EQ(add_overflows(1, 2), 0);
    LKMC_ASSERT_EQ(add_overflows(INT32_MAX, 1), 1);
    puts("inline asm ok");
    return 0;
}
