/* CRC32 instructions (ARMv8 CRC extension, mandatory from ARMv8.1):
 * CRC32CB/CRC32CX update a CRC-32C (Castagnoli) by a byte / 8 bytes. Start
 * from ~0 and invert at the end; CRC-32C("123456789") = 0xe3069283.
 *
 * Run: lkmc run --userland userland/arch/aarch64/crc32.S --arch aarch64
 */
#include <lkmc.h>

.arch armv8-a+crc

LKMC_PROLOGUE
    mov w0, 0xffffffff
    adr x1, digits
    mov x2, 9
1:
    ldrb w3, [x1], 1
    crc32cb w0, w0, w3
    subs x2, x2, 1
    b.ne 1b
    mvn w0, w0
    LKMC_ASSERT_EQ(x0, 0xe3069283)

    /* 8 bytes at once, then the last byte. */
    mov w0, 0xffffffff
    adr x1, digits
    ldr x3, [x1]
    crc32cx w0, w0, x3
    ldrb w3, [x1, 8]
    crc32cb w0, w0, w3
    mvn w0, w0
    LKMC_ASSERT_EQ(x0, 0xe3069283)
LKMC_EPILOGUE

digits:
    .ascii "123456789"
.balign 4
