/* C99 designated initializers and compound literals. Members and elements
 * not named are zero-initialized.
 *
 * Run: lkmc run --userland userland/c/designated_initializers.c --arch aarch64
 */
#include <stdio.h>

#include <lkmc.h>

struct point {
    int x, y, z;
};

static int sum(const int *v, int n) {
    int s = 0;
    while (n--)
        s += v[n];
    return s;
}

int main(void) {
    struct point p = {.z = 3, .x = 1};
    LKMC_ASSERT_EQ(p.x, 1);
    LKMC_ASSERT_EQ(p.y, 0);
    LKMC_ASSERT_EQ(p.z, 3);

    int a[10] = {[2] = 5, [7] = 9, 10};
    LKMC_ASSERT_EQ(a[0], 0);
    LKMC_ASSERT_EQ(a[2], 5);
    LKMC_ASSERT_EQ(a[7], 9);
    /* An element after a designator continues from the next index. */
    LKMC_ASSERT_EQ(a[8], 10);

    /* GNU ranges. */
    int r[6] = {[1 ... 4] = 7};
    LKMC_ASSERT_EQ(sum(r, 6), 28);

    /* Compound literal: an unnamed object with automatic storage. */
    LKMC_ASSERT_EQ(sum((int[]){1, 2, 3}, 3), 6);
    p = (struct point){.y = 8};
    LKMC_ASSERT_EQ(p.x + p.y + p.z, 8);
    puts("designated initializers ok");
    return 0;
}
