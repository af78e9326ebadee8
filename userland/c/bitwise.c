/* Bitwise operators and common bit tricks: set/clear/toggle/test a bit,
 * lowest set bit, power-of-two test, and GCC builtins popcount, ctz, clz.
 *
 * Run: lkmc run --userland userland/c/bitwise.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    volatile uint32_t x = 0xf0;
    LKMC_ASSERT_EQ(x & 0x3c, 0x30);
    LKMC_ASSERT_EQ(x | 0x0f, 0xff);
    LKMC_ASSERT_EQ(x ^ 0xff, 0x0f);
    LKMC_ASSERT_EQ((uint32_t)~x, 0xffffff0f);
    LKMC_ASSERT_EQ(x << 4, 0xf00);
    LKMC_ASSERT_EQ(x >> 4, 0xf);

    uint32_t v = 0;
    v |= 1u << 5;           /* set bit 5 */
    LKMC_ASSERT_EQ(v, 32);
    v ^= 1u << 1;           /* toggle bit 1 */
    LKMC_ASSERT_EQ(v, 34);
    v &= ~(1u << 5);        /* clear bit 5 */
    LKMC_ASSERT_EQ(v, 2);
    LKMC_ASSERT((v >> 1) & 1);

    uint32_t y = 0x68;      /* 0b1101000 */
    LKMC_ASSERT_EQ(y & -y, 8);          /* lowest set bit */
    LKMC_ASSERT_EQ(y & (y - 1), 0x60);  /* clear the lowest set bit */
    LKMC_ASSERT(((64u & 63u) == 0) && ((65u & 64u) != 0));
    LKMC_ASSERT_EQ(__builtin_popcount(y), 3);
    LKMC_ASSERT_EQ(__builtin_ctz(y), 3);
    LKMC_ASSERT_EQ(__builtin_clz(y), 25);
    LKMC_ASSERT_EQ(__builtin_popcountll(0xffffffffffffffffULL), 64);
    puts("bitwise ok");
    return 0;
}
