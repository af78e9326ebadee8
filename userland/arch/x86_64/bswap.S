/* BSWAP: reverse the byte order of a register (little endian <-> big
 * endian), e.g. for network byte order. XCHG of %ah and %al swaps 16 bits.
 *
 * Run: lkmc run --userland userland/arch/x86_64/bswap.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0x0102030405060708, %rax
    bswap %rax
    LKMC_ASSERT_EQ(%rax, 0x0807060504030201)

    mov $0x11223344, %ebx
    bswap %ebx
    LKMC_ASSERT_EQ(%rbx, 0x44332211)

    mov $0x1234, %eax
    xchg %ah, %al
    LKMC_ASSERT_EQ(%rax, 0x3412)

    /* Storing a big-endian value: the first byte in memory is the most
     * significant one. */
    sub $16, %rsp
    mov $0x0a0b0c0d, %ecx
    bswap %ecx
    mov %ecx, (%rsp)
    movzbl (%rsp), %edx
    add $16, %rsp
    LKMC_ASSERT_EQ(%rdx, 0x0a)
LKMC_EPILOGUE
