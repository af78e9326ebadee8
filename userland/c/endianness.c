/* Byte order: x86_64, arm (as configured by Linux here) and aarch64 Linux
 * are all little endian: the least significant byte is at the lowest
 * address. htonl converts to big-endian network order.
 *
 * Run: lkmc run --userland userland/c/endianness.c --arch aarch64
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    uint32_t x = 0x01020304;
    unsigned char b[4];
    memcpy(b, &x, 4);
    printf("bytes in memory: %02x %02x %02x %02x\n", b[0], b[1], b[2], b[3]);
    LKMC_ASSERT_EQ(b[0], 0x04);
    LKMC_ASSERT_EQ(b[3], 0x01);
    LKMC_ASSERT_EQ(__BYTE_ORDER__, __ORDER_LITTLE_ENDIAN__);

    uint32_t n = htonl(x);
    memcpy(b, &n, 4);
    LKMC_ASSERT_EQ(b[0], 0x01);
    LKMC_ASSERT_EQ(ntohl(n), x);
    LKMC_ASSERT_EQ(__builtin_bswap32(x), 0x04030201);
    LKMC_ASSERT_EQ(htons(0x1234), 0x3412);
    return 0;
}
