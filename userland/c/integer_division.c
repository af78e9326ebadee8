/* Integer division truncates toward zero (since C99), and the remainder
 * takes the sign of the dividend, so (a / b) * b + a % b == a always.
 *
 * Run: lkmc run --userland userland/c/integer_division.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

int main(void) {
    volatile int a = 7, b = 2, na = -7, nb = -2;
    LKMC_ASSERT_EQ(a / b, 3);
    LKMC_ASSERT_EQ(a % b, 1);
    LKMC_ASSERT_EQ(na / b, -3);
    LKMC_ASSERT_EQ(na % b, -1);
    LKMC_ASSERT_EQ(a / nb, -3);
    LKMC_ASSERT_EQ(a % nb, 1);
    LKMC_ASSERT_EQ(na / nb, 3);
    LKMC_ASSERT_EQ(na % nb, -1);
    LKMC_ASSERT_EQ((na / b) * b + na % b, na);

    /* div() returns both at once. */
    div_t d = div(na, b);
    LKMC_ASSERT_EQ(d.quot, -3);
    LKMC_ASSERT_EQ(d.rem, -1);

    /* Right shift of a negative value is arithmetic with GCC (floor), unlike
     * division (truncation). */
    LKMC_ASSERT_EQ(na >> 1, -4);
    LKMC_ASSERT_EQ(na / 2, -3);

    /* Unsigned division of the same bits gives a very different answer. */
    LKMC_ASSERT_EQ((unsigned)na / 2u, 2147483644u);
    puts("integer division ok");
    return 0;
}
