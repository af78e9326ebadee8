/* ctype.h classification and conversion in the "C" locale. The argument must
 * be an unsigned char value or EOF: cast plain chars first.
 *
 * Run: lkmc run --userland userland/c/ctype.c --arch aarch64
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    const char *s = "Hello, World 42!";
    int alpha = 0, digit = 0, space = 0, punct = 0, upper = 0;
    char out[32];
    size_t i;
    for (i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        alpha += !!isalpha(c);
        digit += !!isdigit(c);
        space += !!isspace(c);
        punct += !!ispunct(c);
        upper += !!isupper(c);
        out[i] = (char)toupper(c);
    }
    out[i] = '\0';
    LKMC_ASSERT_EQ(alpha, 10);
    LKMC_ASSERT_EQ(digit, 2);
    LKMC_ASSERT_EQ(space, 2);
    LKMC_ASSERT_EQ(punct, 2);
    LKMC_ASSERT_EQ(upper, 2);
    LKMC_ASSERT_STREQ(out, "HELLO, WORLD 42!");
    LKMC_ASSERT(isxdigit('f') && !isxdigit('g'));
    LKMC_ASSERT_EQ(tolower('Q'), 'q');
    LKMC_ASSERT_EQ(toupper('1'), '1');
    puts(out);
    return 0;
}
