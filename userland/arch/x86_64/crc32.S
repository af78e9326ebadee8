/* CRC32 (SSE4.2): one step of the CRC-32C (Castagnoli) checksum per
 * instruction. Start from ~0 and invert at the end; the standard check value
 * of CRC-32C("123456789") is 0xe3069283.
 *
 * Run: lkmc run --userland userland/arch/x86_64/crc32.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0xffffffff, %eax
    lea digits(%rip), %rsi
    mov $9, %ecx
1:
    crc32b (%rsi), %eax
    inc %rsi
    dec %ecx
    jnz 1b
    not %eax
    LKMC_ASSERT_EQ(%eax, 0xe3069283)

    /* 8 bytes at a time gives the same CRC for the first 8 digits. */
    mov $0xffffffff, %eax
    crc32q digits(%rip), %rax
    crc32b digits+8(%rip), %eax
    not %eax
    LKMC_ASSERT_EQ(%eax, 0xe3069283)
LKMC_EPILOGUE

.section .rodata
digits:
    .ascii "123456789"
