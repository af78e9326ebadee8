/* malloc, calloc, realloc and free.
 *
 * Run: lkmc run --userland userland/c/malloc.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    size_t i, n = 1000;
    int *a = malloc(n * sizeof *a);
    LKMC_ASSERT(a != NULL);
    /* malloc memory is suitably aligned for any type. */
    LKMC_ASSERT_EQ((uintptr_t)a % _Alignof(max_align_t), 0);
    for (i = 0; i < n; i++)
        a[i] = (int)i;

    /* realloc keeps the old contents, possibly moving them. */
    a = realloc(a, 2 * n * sizeof *a);
    LKMC_ASSERT(a != NULL);
    for (i = 0; i < n; i++)
        LKMC_ASSERT_EQ(a[i], i);
    free(a);

    /* calloc returns zeroed memory. */
    unsigned char *z = calloc(4096, 1);
    LKMC_ASSERT(z != NULL);
    for (i = 0; i < 4096; i++)
        LKMC_ASSERT_EQ(z[i], 0);
    free(z);

    /* A large allocation (glibc serves it with mmap). */
    char *big = malloc(16 << 20);
    LKMC_ASSERT(big != NULL);
    memset(big, 'x', 16 << 20);
    LKMC_ASSERT_EQ(big[(16 << 20) - 1], 'x');
    free(big);

    /* free(NULL) does nothing. */
    free(NULL);
    puts("malloc ok");
    return 0;
}
