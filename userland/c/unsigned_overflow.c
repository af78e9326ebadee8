/* Integer overflow: unsigned arithmetic wraps modulo 2^N (defined). Signed
 * overflow is undefined behaviour: not done here, __builtin_add_overflow
 * detects it instead. Conversions between signed and unsigned are modulo too.
 *
 * Run: lkmc run --userland userland/c/unsigned_overflow.c --arch aarch64
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    volatile unsigned int u = UINT_MAX;
    u = u + 1;
    LKMC_ASSERT_EQ(u, 0);
    u = u - 1;
    LKMC_ASSERT_EQ(u, UINT_MAX);

    volatile uint8_t b = 250;
    b = (uint8_t)(b + 10);
    LKMC_ASSERT_EQ(b, 4);

    /* Multiplication wraps too: 0x10000 * 0x10000 = 2^32 = 0 in 32 bits. */
    volatile uint32_t m = 0x10000;
    m = m * m;
    LKMC_ASSERT_EQ(m, 0);

    /* Negating an unsigned gives 2^N - x. */
    volatile unsigned int one = 1;
    LKMC_ASSERT_EQ(-one, UINT_MAX);

    /* Converting -1 to unsigned gives the maximum value. */
    volatile int neg = -1;
    LKMC_ASSERT_EQ((unsigned int)neg, UINT_MAX);
    LKMC_ASSERT_EQ((uint16_t)neg, 0xffff);

    /* Usual arithmetic conversions: in -1 < 1u, -1 becomes UINT_MAX. */
    LKMC_ASSERT(!((unsigned int)neg < one));

    /* Signed overflow detection without undefined behaviour. */
    int r;
    LKMC_ASSERT(__builtin_add_overflow(INT_MAX, 1, &r));
    LKMC_ASSERT_EQ(r, INT_MIN);
    LKMC_ASSERT(!__builtin_add_overflow(1, 2, &r));
    LKMC_ASSERT_EQ(r, 3);
    puts("unsigned overflow wraps");
    return 0;
}
