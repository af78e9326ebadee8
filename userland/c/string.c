/* string.h functions on NUL-terminated strings: strlen, strcmp, strncmp,
 * strcpy, strncpy, strcat, strchr, strrchr, strstr, strspn, strcspn, strtok.
 *
 * Run: lkmc run --userland userland/c/string.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    char buf[32];
    const char *s = "hello world";

    LKMC_ASSERT_EQ(strlen(s), 11);
    LKMC_ASSERT_EQ(strlen(""), 0);

    /* strcmp gives the sign of the first differing byte. */
    LKMC_ASSERT_EQ(strcmp("abc", "abc"), 0);
    LKMC_ASSERT(strcmp("abc", "abd") < 0);
    LKMC_ASSERT(strcmp("b", "abc") > 0);
    LKMC_ASSERT(strcmp("ab", "abc") < 0);
    LKMC_ASSERT_EQ(strncmp("abcX", "abcY", 3), 0);

    strcpy(buf, "foo");
    strcat(buf, "bar");
    LKMC_ASSERT_STREQ(buf, "foobar");

    /* strncpy pads with NULs but does not terminate when the source is too long. */
    /* volatile n: GCC warns about a constant truncating strncpy. */
    volatile size_t n = 3;
    memset(buf, 'Z', sizeof buf);
    strncpy(buf, "abcdef", n);
    LKMC_ASSERT_EQ(buf[2], 'c');
    LKMC_ASSERT_EQ(buf[3], 'Z');

    LKMC_ASSERT(strchr(s, 'o') == s + 4);
    LKMC_ASSERT(strrchr(s, 'o') == s + 7);
    LKMC_ASSERT(strchr(s, 'z') == NULL);
    /* The terminator counts as part of the string. */
    LKMC_ASSERT(strchr(s, '\0') == s + 11);
    LKMC_ASSERT(strstr(s, "wor") == s + 6);
    LKMC_ASSERT(strstr(s, "") == s);
    LKMC_ASSERT_EQ(strspn("123abc", "0123456789"), 3);
    LKMC_ASSERT_EQ(strcspn("abc,def", ",;"), 3);

    /* strtok modifies its argument and keeps state between calls. */
    char csv[] = "a,,b;c";
    const char *expect[] = {"a", "b", "c"};
    int i = 0;
    for (char *t = strtok(csv, ",;"); t; t = strtok(NULL, ",;")) {
        LKMC_ASSERT(i < 3);
        LKMC_ASSERT_STREQ(t, expect[i]);
        i++;
    }
    LKMC_ASSERT_EQ(i, 3);
    puts("string ok");
    return 0;
}
