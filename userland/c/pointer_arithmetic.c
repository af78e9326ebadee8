/* Pointer arithmetic moves in units of the pointed-to type; array indexing
 * a[i] is *(a + i); subtracting pointers gives a ptrdiff_t element count.
 *
 * Run: lkmc run --userland userland/c/pointer_arithmetic.c --arch aarch64
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    int64_t a[5] = {10, 20, 30, 40, 50};
    int64_t *p = a;
    LKMC_ASSERT_EQ(*(p + 2), 30);
    LKMC_ASSERT_EQ(p[2], 2[a]);
    /* One element is 8 bytes away. */
    LKMC_ASSERT_EQ((char *)(p + 1) - (char *)p, 8);
    ptrdiff_t d = &a[4] - &a[1];
    LKMC_ASSERT_EQ(d, 3);
    /* Arrays decay to pointers, except under sizeof and &. */
    LKMC_ASSERT_EQ(sizeof a, 40);
    LKMC_ASSERT_EQ(sizeof p, sizeof(void *));
    LKMC_ASSERT((void *)&a == (void *)a);
    LKMC_ASSERT_EQ((char *)(&a + 1) - (char *)&a, 40);

    /* Walk with a pointer up to one past the end (valid to compute). */
    int64_t sum = 0;
    for (int64_t *q = a; q < a + 5; q++)
        sum += *q;
    LKMC_ASSERT_EQ(sum, 150);

    /* 2D arrays are contiguous rows. */
    int m[3][4];
    LKMC_ASSERT_EQ(&m[1][0] - &m[0][0], 4);
    LKMC_ASSERT_EQ(sizeof m[0], 16);
    puts("pointer arithmetic ok");
    return 0;
}
