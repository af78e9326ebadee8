/* GCC extended inline assembly: outputs ("=r"), inputs ("r", "i"),
 * read-write operands ("+r"), specific registers ("a", "c", "d"), clobbers
 * ("cc", "memory"), and asm goto to jump to a C label.
 *
 * Run: lkmc run --userland userland/arch/x86_64/inline_asm.c --arch x86_64
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

static int add_overflows(int64_t a, int64_t b) {
    __asm__ goto("add %1, %0\n\tjo %l[overflow]" : : "r"(a), "r"(b) : "cc" : overflow);
    return 0;
overflow:
    return 1;
}

int main(void) {
    uint64_t x = 10, y = 32, sum;
    __asm__("lea (%1, %2), %0" : "=r"(sum) : "r"(x), "r"(y));
    LKMC_ASSERT_EQ(sum, 42);

    /* Read-write operand and an immediate. */
    uint64_t v = 5;
    __asm__("shl %1, %0" : "+r"(v) : "i"(3) : "cc");
    LKMC_ASSERT_EQ(v, 40);

    /* Specific registers: 128-bit product in rdx:rax. */
    uint64_t lo, hi;
    __asm__("mulq %3" : "=a"(lo), "=d"(hi) : "a"(UINT64_MAX), "rm"((uint64_t)2) : "cc");
    LKMC_ASSERT_EQ(lo, UINT64_MAX - 1);
    LKMC_ASSERT_EQ(hi, 1);

    /* Memory clobber: the compiler must not cache memory across it. */
    int flag = 0;
    __asm__ __volatile__("movl $1, %0" : "=m"(flag) : : "memory");
    LKMC_ASSERT_EQ(flag, 1);

    LKMC_ASSERT_EQ(add_overflows(1, 2), 0);
    LKMC_ASSERT_EQ(add_overflows(INT64_MAX, 1), 1);
    puts("inline asm ok");
    return 0;
}
