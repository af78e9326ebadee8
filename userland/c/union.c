/* Unions: all members share the same storage, so a union is as big as its
 * largest member. Reading a member other than the last one written
 * reinterprets the bytes (type punning, allowed by GNU C and C99+).
 *
 * Run: lkmc run --userland userland/c/union.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

union pun {
    float f;
    uint32_t u;
    unsigned char bytes[4];
};

int main(void) {
    union pun p;
    LKMC_ASSERT_EQ(sizeof p, 4);
    p.f = 1.0f;
    /* IEEE 754 single: sign 0, exponent 127, fraction 0. */
    LKMC_ASSERT_EQ(p.u, 0x3f800000);
    /* Little endian: the least significant byte comes first. */
    LKMC_ASSERT_EQ(p.bytes[0], 0x00);
    LKMC_ASSERT_EQ(p.bytes[3], 0x3f);
    p.u = 0xc0490fdb;
    LKMC_ASSERT_NEAR(p.f, -3.14159265, 1e-6);
    printf("1.0f = 0x%08x\n", 0x3f800000u);
    return 0;
}
