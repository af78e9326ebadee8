/* C11 alignment: _Alignof (alignof) queries it, _Alignas (alignas) raises
 * it, aligned_alloc allocates with it, and _Static_assert checks facts like
 * these at compile time.
 *
 * Run: lkmc run --userland userland/c/alignment.c --arch aarch64
 */
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

_Static_assert(sizeof(int32_t) == 4, "int32_t is 4 bytes");
_Static_assert(alignof(char) == 1, "char is byte aligned");

struct cache_line {
    alignas(64) char data[8];
};
_Static_assert(sizeof(struct cache_line) == 64, "padded to its alignment");

int main(void) {
    alignas(32) int x = 0;
    struct cache_line lines[2];
    LKMC_ASSERT_EQ((uintptr_t)&x % 32, 0);
    LKMC_ASSERT_EQ((uintptr_t)&lines[1] % 64, 0);
    LKMC_ASSERT_EQ((char *)&lines[1] - (char *)&lines[0], 64);
    LKMC_ASSERT_EQ(alignof(double), 8);
    LKMC_ASSERT_EQ(alignof(struct cache_line), 64);

    void *p = aligned_alloc(4096, 4096);
    LKMC_ASSERT(p != NULL);
    LKMC_ASSERT_EQ((uintptr_t)p % 4096, 0);
    free(p);
    printf("x at %p\n", (void *)&x);
    return 0;
}
