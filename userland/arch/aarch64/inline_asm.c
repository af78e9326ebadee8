/* GCC extended inline assembly on aarch64: "r" (x register, %w0 for its w
 * half), "+r" read-write, "i" immediates, "Q" memory addressed by a single
 * register (for exclusives), "cc" and "memory" clobbers, and asm goto.
 *
 * Run: lkmc run --userland userland/arch/aarch64/inline_asm.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

static int add_overflows(int64_t a, int64_t b) {
    __asm__ goto("adds %0, %0, %1\n\tb.vs %l[overflow]" : : "r"(a), "r"(b) : "cc" : overflow);
    return 0;
overflow:
    return 1;
}

int main(void) {
    uint64_t x = 10, y = 32, sum;
    __asm__("add %0, %1, %2" : "=r"(sum) : "r"(x), "r"(y));
    LKMC_ASSERT_EQ(sum, 42);

    uint64_t v = 5;
    __asm__("lsl %0, %0, %1" : "+r"(v) : "i"(3));
    LKMC_ASSERT_EQ(v, 40);

    /* %w selects the 32-bit view of the operand register. */
    uint32_t w;
    __asm__("mov %w0, -1" : "=r"(w));
    LKMC_ASSERT_EQ(w, 0xffffffff);

    uint64_t hi;
    __asm__("umulh %0, %1, %2" : "=r"(hi) : "r"(UINT64_MAX), "r"((uint64_t)2));
    LKMC_ASSERT_EQ(hi, 1);

    uint64_t mem = 7;
    __asm__ __volatile__("str %1, %0" : "=Q"(mem) : "r"((uint64_t)9) : "memory");
    LKMC_ASSERT_EQ(mem, 9);

    LKMC_ASSERT_EQ(add_overflows(1, 2), 0);
    LKMC_ASSERT_EQ(add_overflows(INT64_MAX, 1), 1);
    puts("inline asm ok");
    return 0;
}
