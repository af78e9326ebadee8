/* liblkmc: the failure reporting behind the LKMC_ASSERT* macros of lkmc.h,
 * and a few helper functions that the assembly examples call. Linked into
 * every userland program that is not freestanding. */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc.h>

uint64_t lkmc_assert_seen;
uint64_t lkmc_assert_expected;
long lkmc_add2_calls;

static void lkmc_header(const char *file, int line) {
    /* Keep what the program already printed before the failure message. */
    fflush(stdout);
    fprintf(stderr, "lkmc: assertion failed at %s:%d\n", file, line);
}

static void lkmc_hexdump(const char *name, const void *p, size_t n) {
    const unsigned char *c = p;
    size_t i;
    fprintf(stderr, "  %s:", name);
    for (i = 0; i < n; i++) {
        if (i % 16 == 0 && i != 0)
            fprintf(stderr, "\n   ");
        fprintf(stderr, " %02x", c[i]);
    }
    fprintf(stderr, "\n");
}

void lkmc_fail(const char *file, int line, const char *fmt, ...) {
    va_list ap;
    lkmc_header(file, line);
    fprintf(stderr, "  ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    exit(EXIT_FAILURE);
}

void lkmc_assert_fail(const char *file, int line, const char *expr) {
    lkmc_header(file, line);
    fprintf(stderr, "  check: %s\n", expr);
    exit(EXIT_FAILURE);
}

void lkmc_assert_eq_fail(const char *file, int line, const char *op,
        const char *a_expr, const char *b_expr, intmax_t a, intmax_t b) {
    lkmc_header(file, line);
    fprintf(stderr, "  check: %s %s %s\n", a_expr, op, b_expr);
    fprintf(stderr, "  seen:     %jd (0x%jx)\n", a, (uintmax_t)a);
    fprintf(stderr, "  expected: %s%jd (0x%jx)\n",
            op[0] == '!' ? "anything but " : "", b, (uintmax_t)b);
    exit(EXIT_FAILURE);
}

void lkmc_assert_streq_fail(const char *file, int line,
        const char *a_expr, const char *b_expr, const char *a, const char *b) {
    lkmc_header(file, line);
    fprintf(stderr, "  check: %s == %s (strings)\n", a_expr, b_expr);
    fprintf(stderr, "  seen:     \"%s\"\n", a ? a : "(null)");
    fprintf(stderr, "  expected: \"%s\"\n", b ? b : "(null)");
    exit(EXIT_FAILURE);
}

void lkmc_assert_memeq_fail(const char *file, int line,
        const char *a_expr, const char *b_expr, const void *a, const void *b, size_t n) {
    lkmc_header(file, line);
    fprintf(stderr, "  check: %zu bytes at %s == %s\n", n, a_expr, b_expr);
    lkmc_hexdump("seen    ", a, n);
    lkmc_hexdump("expected", b, n);
    exit(EXIT_FAILURE);
}

void lkmc_assert_near_fail(const char *file, int line,
        const char *a_expr, const char *b_expr, double a, double b, double eps) {
    lkmc_header(file, line);
    fprintf(stderr, "  check: |%s - %s| <= %g\n", a_expr, b_expr, eps);
    fprintf(stderr, "  seen:     %.17g\n", a);
    fprintf(stderr, "  expected: %.17g\n", b);
    exit(EXIT_FAILURE);
}

void lkmc_sys_fail(const char *file, int line, const char *expr) {
    int err = errno;
    lkmc_header(file, line);
    fprintf(stderr, "  call: %s\n", expr);
    fprintf(stderr, "  returned -1, errno %d (%s)\n", err, strerror(err));
    exit(EXIT_FAILURE);
}

void lkmc_assert_eq_fail_asm(unsigned long seen, unsigned long expected,
        unsigned long line, const char *file) {
    lkmc_header(file, (int)line);
    fprintf(stderr, "  check: LKMC_ASSERT_EQ (register == constant)\n");
    fprintf(stderr, "  seen:     %ld (0x%lx)\n", (long)seen, seen);
    fprintf(stderr, "  expected: %ld (0x%lx)\n", (long)expected, expected);
    exit(EXIT_FAILURE);
}

void lkmc_assert_memcmp_asm(const void *a, const void *b, unsigned long size,
        unsigned long line, const char *file) {
    if (memcmp(a, b, size) != 0) {
        lkmc_header(file, (int)line);
        fprintf(stderr, "  check: LKMC_ASSERT_MEMCMP of %lu bytes\n", size);
        lkmc_hexdump("seen    ", a, size);
        lkmc_hexdump("expected", b, size);
        exit(EXIT_FAILURE);
    }
}

void lkmc_assert_fail_asm(unsigned long line, const char *file) {
    lkmc_header(file, (int)line);
    fprintf(stderr, "  check: LKMC_ASSERT_FAIL reached\n");
    exit(EXIT_FAILURE);
}

long lkmc_sum10(long a1, long a2, long a3, long a4, long a5,
        long a6, long a7, long a8, long a9, long a10) {
    return a1 + 2 * a2 + 3 * a3 + 4 * a4 + 5 * a5
        + 6 * a6 + 7 * a7 + 8 * a8 + 9 * a9 + 10 * a10;
}

long lkmc_add2(long a, long b) {
    lkmc_add2_calls++;
    return a + b;
}

void lkmc_busy_loop(unsigned long n) {
    volatile unsigned long i;
    for (i = 0; i < n; i++) {
    }
}
