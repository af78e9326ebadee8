/* Raw memory functions: memcpy, memmove (overlap-safe), memset, memcmp,
 * memchr.
 *
 * Run: lkmc run --userland userland/c/memory_functions.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    unsigned char a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    unsigned char b[8];

    memcpy(b, a, sizeof a);
    LKMC_ASSERT_MEMEQ(a, b, sizeof a);
    LKMC_ASSERT_EQ(memcmp(a, b, sizeof a), 0);

    /* memmove handles overlapping ranges: shift right by 2. */
    memmove(a + 2, a, 6);
    {
        unsigned char e[8] = {1, 2, 1, 2, 3, 4, 5, 6};
        LKMC_ASSERT_MEMEQ(a, e, 8);
    }

    memset(b, 0xab, 4);
    LKMC_ASSERT_EQ(b[0], 0xab);
    LKMC_ASSERT_EQ(b[3], 0xab);
    LKMC_ASSERT_EQ(b[4], 5);

    /* memcmp compares as unsigned char: 0x80 > 0x01. */
    {
        unsigned char x = 0x80, y = 0x01;
        LKMC_ASSERT(memcmp(&x, &y, 1) > 0);
    }
    LKMC_ASSERT(memchr(b, 7, sizeof b) == b + 6);
    LKMC_ASSERT(memchr(b, 9, sizeof b) == NULL);
    puts("memory functions ok");
    return 0;
}
