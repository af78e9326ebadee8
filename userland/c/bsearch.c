/* bsearch: binary search in a sorted array.
 *
 * Run: lkmc run --userland userland/c/bsearch.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void) {
    int a[] = {1, 3, 5, 7, 11, 13, 17};
    int key = 11;
    int *p = bsearch(&key, a, 7, sizeof a[0], cmp_int);
    LKMC_ASSERT(p != NULL);
    LKMC_ASSERT_EQ(p - a, 4);
    key = 4;
    LKMC_ASSERT(bsearch(&key, a, 7, sizeof a[0], cmp_int) == NULL);
    puts("bsearch ok");
    return 0;
}
