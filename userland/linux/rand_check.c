/* getrandom: bytes from the kernel's random number generator. Also prints
 * the addresses of code, a global, the heap and the stack: with ASLR they
 * change from run to run, which is what breaks naive record/replay diffs.
 *
 * Run: lkmc run --userland userland/linux/rand_check.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <lkmc.h>

static int global;

int main(void) {
    unsigned char a[32], b[32];
    LKMC_ASSERT_EQ(LKMC_SYS(getrandom(a, sizeof a, 0)), sizeof a);
    LKMC_ASSERT_EQ(LKMC_SYS(getrandom(b, sizeof b, GRND_NONBLOCK)), sizeof b);
    /* 256 random bits: two draws are equal with probability 2^-256. */
    LKMC_ASSERT(memcmp(a, b, sizeof a) != 0);
    int zeros = 0;
    for (size_t i = 0; i < sizeof a; i++)
        zeros += a[i] == 0;
    LKMC_ASSERT(zeros < 8);

    int local;
    void *heap = malloc(1);
    printf("random: ");
    for (size_t i = 0; i < 8; i++)
        printf("%02x", a[i]);
    printf("\nmain %p\nglobal %p\nheap %p\nstack %p\n",
            (void *)(size_t)main, (void *)&global, heap, (void *)&local);
    free(heap);
    return 0;
}
