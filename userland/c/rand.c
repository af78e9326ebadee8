/* rand and srand: a pseudo-random sequence fully determined by its seed, so
 * the same seed gives the same numbers (useful for reproducible tests).
 *
 * Run: lkmc run --userland userland/c/rand.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

int main(void) {
    int first[8], i;
    srand(42);
    for (i = 0; i < 8; i++) {
        first[i] = rand();
        LKMC_ASSERT(first[i] >= 0 && first[i] <= RAND_MAX);
    }
    srand(42);
    for (i = 0; i < 8; i++)
        LKMC_ASSERT_EQ(rand(), first[i]);

    /* A different seed gives a different sequence. */
    srand(43);
    int same = 0;
    for (i = 0; i < 8; i++)
        same += rand() == first[i];
    LKMC_ASSERT(same < 8);

    /* Rough uniformity: 10000 draws into 10 buckets by the high bits. */
    int buckets[10] = {0};
    srand(1);
    for (i = 0; i < 10000; i++)
        buckets[(int)((double)rand() / ((double)RAND_MAX + 1) * 10)]++;
    for (i = 0; i < 10; i++)
        LKMC_ASSERT(buckets[i] > 800 && buckets[i] < 1200);
    printf("RAND_MAX = %d, first = %d\n", RAND_MAX, first[0]);
    return 0;
}
