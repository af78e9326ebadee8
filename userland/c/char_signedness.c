/* Is plain char signed? The C standard leaves it to the ABI: signed on
 * x86_64, unsigned on arm and aarch64. GCC defines __CHAR_UNSIGNED__ when it
 * is unsigned. Code that stores getchar() in a char breaks differently on each.
 *
 * Run: lkmc run --userland userland/c/char_signedness.c --arch arm
 */
#include <limits.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    volatile char c = (char)0xff;
    int value = c;
    printf("(int)(char)0xff = %d, CHAR_MIN = %d\n", value, CHAR_MIN);
#if defined(__x86_64__)
    LKMC_ASSERT_EQ(value, -1);
    LKMC_ASSERT_EQ(CHAR_MIN, SCHAR_MIN);
#elif defined(__arm__) || defined(__aarch64__)
    LKMC_ASSERT_EQ(value, 255);
    LKMC_ASSERT_EQ(CHAR_MIN, 0);
#endif
#ifdef __CHAR_UNSIGNED__
    LKMC_ASSERT_EQ(value, 255);
#else
    LKMC_ASSERT_EQ(value, -1);
#endif
    /* signed char and unsigned char are always what they say. */
    volatile signed char sc = (signed char)0xff;
    volatile unsigned char uc = 0xff;
    LKMC_ASSERT_EQ(sc, -1);
    LKMC_ASSERT_EQ(uc, 255);
    return 0;
}
