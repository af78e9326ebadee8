/* Bit fields: struct members narrower than their type. Values wrap modulo
 * the field width, and adjacent fields share storage units.
 *
 * Run: lkmc run --userland userland/c/bit_fields.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

struct flags {
    unsigned int a : 1;
    unsigned int b : 3;
    unsigned int c : 4;
    signed int d : 4;
};

int main(void) {
    struct flags f;
    memset(&f, 0, sizeof f);
    /* All fields fit in one unsigned int. */
    LKMC_ASSERT_EQ(sizeof f, sizeof(unsigned int));

    f.b = 7;
    LKMC_ASSERT_EQ(f.b, 7);
    /* Unsigned fields wrap modulo 2^width (assigned through a variable to
     * show the conversion without a constant-overflow warning). */
    unsigned int nine = 9;
    f.b = nine;
    LKMC_ASSERT_EQ(f.b, 1);

    /* A 4-bit signed field holds -8..7. */
    f.d = -8;
    LKMC_ASSERT_EQ(f.d, -8);
    f.d = 7;
    LKMC_ASSERT_EQ(f.d, 7);

    /* GCC on these little-endian ABIs allocates from the least significant
     * bit: a is bit 0, b bits 1-3, c bits 4-7, d bits 8-11. */
    memset(&f, 0, sizeof f);
    f.a = 1;
    f.c = 0xf;
    unsigned int raw;
    memcpy(&raw, &f, sizeof raw);
    LKMC_ASSERT_EQ(raw, 0xf1);
    printf("raw 0x%x\n", raw);
    return 0;
}
