/* C11 _Generic: choose an expression by the type of the controlling
 * expression, at compile time. Used to write type-generic macros.
 *
 * Run: lkmc run --userland userland/c/generic.c --arch aarch64
 */
#include <stdio.h>

#include <lkmc.h>

#define TYPE_NAME(x) _Generic((x), \
    int: "int", \
    unsigned int: "unsigned int", \
    long: "long", \
    double: "double", \
    float: "float", \
    char *: "char *", \
    default: "other")

static int abs_i(int x) { return x < 0 ? -x : x; }
static double abs_d(double x) { return x < 0 ? -x : x; }
#define ABS(x) _Generic((x), int: abs_i, double: abs_d)(x)

int main(void) {
    char s[] = "x";
    LKMC_ASSERT_STREQ(TYPE_NAME(1), "int");
    LKMC_ASSERT_STREQ(TYPE_NAME(1u), "unsigned int");
    LKMC_ASSERT_STREQ(TYPE_NAME(1L), "long");
    LKMC_ASSERT_STREQ(TYPE_NAME(1.0), "double");
    LKMC_ASSERT_STREQ(TYPE_NAME(1.0f), "float");
    LKMC_ASSERT_STREQ(TYPE_NAME(s), "char *");
    /* Character constants have type int in C (char in C++). */
    LKMC_ASSERT_STREQ(TYPE_NAME('a'), "int");
    /* Integer promotion: char + char is int. */
    LKMC_ASSERT_STREQ(TYPE_NAME(s[0] + s[0]), "int");
    LKMC_ASSERT_STREQ(TYPE_NAME((short)1), "other");
    LKMC_ASSERT_EQ(ABS(-3), 3);
    LKMC_ASSERT_NEAR(ABS(-2.5), 2.5, 0);
    puts("_Generic ok");
    return 0;
}
