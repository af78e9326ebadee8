/* snprintf: formatted output into a buffer, never past its size. It returns
 * the length the full output would have had, which is how truncation is
 * detected.
 *
 * Run: lkmc run --userland userland/c/snprintf.c --arch aarch64
 */
#include <inttypes.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    char buf[32];
    /* volatile: GCC would warn at compile time about the truncation. */
    volatile size_t small = 8;
    int n;

    n = snprintf(buf, sizeof buf, "%d+%d=%d", 1, 2, 3);
    LKMC_ASSERT_EQ(n, 5);
    LKMC_ASSERT_STREQ(buf, "1+2=3");

    /* Truncation: at most size-1 characters plus the terminating NUL. */
    n = snprintf(buf, small, "%s", "0123456789");
    LKMC_ASSERT_EQ(n, 10);
    LKMC_ASSERT_STREQ(buf, "0123456");

    /* size 0 writes nothing: the usual way to measure before allocating. */
    LKMC_ASSERT_EQ(snprintf(NULL, 0, "%05.1f|%-4s|", 3.14159, "ab"), 11);

    snprintf(buf, sizeof buf, "%05.1f|%-4s|", 3.14159, "ab");
    LKMC_ASSERT_STREQ(buf, "003.1|ab  |");
    snprintf(buf, sizeof buf, "%x %X %o", 255, 255, 8);
    LKMC_ASSERT_STREQ(buf, "ff FF 10");
    snprintf(buf, sizeof buf, "%#x %+d", 255, 5);
    LKMC_ASSERT_STREQ(buf, "0xff +5");
    snprintf(buf, sizeof buf, "%" PRIu64, UINT64_C(18446744073709551615));
    LKMC_ASSERT_STREQ(buf, "18446744073709551615");
    snprintf(buf, sizeof buf, "%*d", 6, 42);
    LKMC_ASSERT_STREQ(buf, "    42");
    snprintf(buf, sizeof buf, "%.3s", "abcdef");
    LKMC_ASSERT_STREQ(buf, "abc");
    snprintf(buf, sizeof buf, "%c%c%%", 'o', 'k');
    LKMC_ASSERT_STREQ(buf, "ok%");
    puts(buf);
    return 0;
}
