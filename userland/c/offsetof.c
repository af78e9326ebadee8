/* Struct layout: offsetof, padding inserted for alignment, sizeof rounded up
 * to the struct's alignment, and how member order changes the size.
 *
 * Run: lkmc run --userland userland/c/offsetof.c --arch aarch64
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

struct padded {
    char c;      /* offset 0, then 3 bytes of padding */
    int32_t i;   /* offset 4 */
    char d;      /* offset 8, then 7 (or 3) bytes of tail padding */
    int64_t l;   /* 8-byte aligned on all three ABIs (also arm EABI) */
};

struct reordered {
    int64_t l;
    int32_t i;
    char c;
    char d;
};

struct __attribute__((packed)) packed {
    char c;
    int32_t i;
};

int main(void) {
    LKMC_ASSERT_EQ(offsetof(struct padded, c), 0);
    LKMC_ASSERT_EQ(offsetof(struct padded, i), 4);
    LKMC_ASSERT_EQ(offsetof(struct padded, d), 8);
    LKMC_ASSERT_EQ(offsetof(struct padded, l), 16);
    LKMC_ASSERT_EQ(sizeof(struct padded), 24);
    LKMC_ASSERT_EQ(_Alignof(struct padded), 8);

    /* Largest members first: 8 + 4 + 1 + 1 = 14, rounded up to 16. */
    LKMC_ASSERT_EQ(sizeof(struct reordered), 16);

    /* packed removes padding (and alignment): unaligned accesses result. */
    LKMC_ASSERT_EQ(offsetof(struct packed, i), 1);
    LKMC_ASSERT_EQ(sizeof(struct packed), 5);

    printf("padded %zu, reordered %zu, packed %zu\n",
            sizeof(struct padded), sizeof(struct reordered), sizeof(struct packed));
    return 0;
}
