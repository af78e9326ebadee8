/* Variadic functions with stdarg.h: va_start, va_arg, va_copy, va_end, and
 * the default argument promotions (char and short become int, float becomes
 * double).
 *
 * Run: lkmc run --userland userland/c/varargs.c --arch aarch64
 */
#include <stdarg.h>
#include <stdio.h>

#include <lkmc.h>

/* Sum n ints. */
static int sum(int n, ...) {
    va_list ap;
    int s = 0;
    va_start(ap, n);
    while (n--)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

/* Mixed types described by a format string, walked twice with va_copy. */
static double mixed(const char *fmt, ...) {
    va_list ap, ap2;
    double total = 0, again = 0;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'i': total += va_arg(ap, int); break;
        case 'l': total += (double)va_arg(ap, long long); break;
        case 'd': total += va_arg(ap, double); break;
        }
    }
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'i': again += va_arg(ap2, int); break;
        case 'l': again += (double)va_arg(ap2, long long); break;
        case 'd': again += va_arg(ap2, double); break;
        }
    }
    va_end(ap2);
    va_end(ap);
    LKMC_ASSERT_NEAR(total, again, 0);
    return total;
}

int main(void) {
    char c = 3;
    short s = 4;
    float f = 0.5f;
    LKMC_ASSERT_EQ(sum(0), 0);
    /* c and s are promoted to int, so va_arg(ap, int) reads them correctly. */
    LKMC_ASSERT_EQ(sum(4, 1, 2, c, s), 10);
    /* Many arguments: some are passed on the stack on every ABI. */
    LKMC_ASSERT_EQ(sum(12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 78);
    /* f is promoted to double. 64-bit ints go in register pairs on arm. */
    LKMC_ASSERT_NEAR(mixed("idld", 1, 2.5, 10000000000LL, f), 10000000004.0, 0);
    puts("varargs ok");
    return 0;
}
