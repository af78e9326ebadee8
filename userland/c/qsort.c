/* qsort: sort an array of ints and an array of structs by a key with a
 * comparison function.
 *
 * Run: lkmc run --userland userland/c/qsort.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc.h>

struct person {
    const char *name;
    int age;
};

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    /* Not x - y: that overflows for large values of opposite signs. */
    return (x > y) - (x < y);
}

static int cmp_age_then_name(const void *a, const void *b) {
    const struct person *p = a, *q = b;
    if (p->age != q->age)
        return (p->age > q->age) - (p->age < q->age);
    return strcmp(p->name, q->name);
}

int main(void) {
    int a[] = {5, -3, 2147483647, 0, -2147483647 - 1, 5, 42};
    int sorted[] = {-2147483647 - 1, -3, 0, 5, 5, 42, 2147483647};
    size_t n = sizeof a / sizeof a[0];
    qsort(a, n, sizeof a[0], cmp_int);
    LKMC_ASSERT_MEMEQ(a, sorted, sizeof a);

    struct person p[] = {{"carol", 30}, {"alice", 30}, {"bob", 25}};
    qsort(p, 3, sizeof p[0], cmp_age_then_name);
    LKMC_ASSERT_STREQ(p[0].name, "bob");
    LKMC_ASSERT_STREQ(p[1].name, "alice");
    LKMC_ASSERT_STREQ(p[2].name, "carol");
    for (size_t i = 0; i < 3; i++)
        printf("%s %d\n", p[i].name, p[i].age);
    return 0;
}
