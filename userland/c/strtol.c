/* strtol and friends: parse integers in any base, find where parsing stopped
 * (endptr) and detect out-of-range values (ERANGE). atoi cannot do either.
 *
 * Run: lkmc run --userland userland/c/strtol.c --arch aarch64
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

int main(void) {
    char *end;

    LKMC_ASSERT_EQ(strtol("  -42xyz", &end, 10), -42);
    LKMC_ASSERT_STREQ(end, "xyz");
    LKMC_ASSERT_EQ(strtol("ff", NULL, 16), 255);
    LKMC_ASSERT_EQ(strtol("0x1F", NULL, 16), 31);
    LKMC_ASSERT_EQ(strtol("777", NULL, 8), 511);
    LKMC_ASSERT_EQ(strtol("z", NULL, 36), 35);
    /* Base 0 guesses from the prefix: 0x hex, 0 octal, else decimal. */
    LKMC_ASSERT_EQ(strtol("0x10", NULL, 0), 16);
    LKMC_ASSERT_EQ(strtol("010", NULL, 0), 8);
    LKMC_ASSERT_EQ(strtol("10", NULL, 0), 10);

    /* Nothing parsed: returns 0 and end points to the start. */
    const char *s = "abc";
    LKMC_ASSERT_EQ(strtol(s, &end, 10), 0);
    LKMC_ASSERT(end == s);

    /* Out of range: clamps to LONG_MAX and sets errno. */
    errno = 0;
    LKMC_ASSERT_EQ(strtol("99999999999999999999999", NULL, 10), LONG_MAX);
    LKMC_ASSERT_EQ(errno, ERANGE);

    /* strtoul accepts a minus sign and negates modulo 2^N. */
    LKMC_ASSERT_EQ(strtoul("-1", NULL, 10), ULONG_MAX);
    LKMC_ASSERT_EQ(strtoll("-9223372036854775808", NULL, 10), LLONG_MIN);
    LKMC_ASSERT_NEAR(strtod("1.5e3", NULL), 1500.0, 0);
    LKMC_ASSERT_EQ(atoi("123"), 123);
    puts("strtol ok");
    return 0;
}
