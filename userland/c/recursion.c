/* Recursion: factorial, Fibonacci and the Ackermann function. Each call gets
 * its own stack frame.
 *
 * Run: lkmc run --userland userland/c/recursion.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

static uint64_t factorial(unsigned n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
}

static unsigned fib(unsigned n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static unsigned ackermann(unsigned m, unsigned n) {
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int depth(int n, char *prev) {
    char here;
    /* Frames are laid out downwards: the stack grows toward lower addresses
     * on all three architectures. */
    if (prev)
        LKMC_ASSERT((uintptr_t)&here < (uintptr_t)prev);
    return n == 0 ? 0 : 1 + depth(n - 1, &here);
}

int main(void) {
    LKMC_ASSERT_EQ(factorial(0), 1);
    LKMC_ASSERT_EQ(factorial(20), 2432902008176640000ULL);
    LKMC_ASSERT_EQ(fib(20), 6765);
    LKMC_ASSERT_EQ(ackermann(2, 3), 9);
    LKMC_ASSERT_EQ(ackermann(3, 3), 61);
    LKMC_ASSERT_EQ(depth(100, NULL), 100);
    printf("20! = %llu\n", (unsigned long long)factorial(20));
    return 0;
}
