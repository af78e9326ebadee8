/* Structs are values: assignment copies all members (arrays inside included),
 * and they can be passed to and returned from functions by value.
 *
 * Run: lkmc run --userland userland/c/struct_copy.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

struct big {
    int id;
    char name[16];
    double values[4];
};

static struct big modified(struct big b) {
    b.id++;
    b.name[0] = 'X';
    b.values[3] = 4.5;
    return b;
}

int main(void) {
    struct big a = {1, "alpha", {1, 2, 3, 4}};
    struct big b = a;
    b.name[0] = 'A';
    /* a is unchanged: b got a copy of the array too. */
    LKMC_ASSERT_STREQ(a.name, "alpha");
    LKMC_ASSERT_STREQ(b.name, "Alpha");
    struct big c = modified(a);
    LKMC_ASSERT_EQ(a.id, 1);
    LKMC_ASSERT_EQ(c.id, 2);
    LKMC_ASSERT_STREQ(c.name, "Xlpha");
    LKMC_ASSERT_NEAR(c.values[3], 4.5, 0);
    LKMC_ASSERT_NEAR(a.values[3], 4.0, 0);
    puts("struct copy ok");
    return 0;
}
