/* SIMD byte search: pcmpeqb compares 16 bytes at once (0xff where equal),
 * pmovmskb collects the top bit of each byte into a 16-bit mask, and bsf
 * finds the first match. This is how vectorized strlen/memchr work.
 *
 * Run: lkmc run --userland userland/arch/x86_64/pcmpeqb.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* Find the NUL in a 16-byte block. */
    pxor %xmm0, %xmm0
    movdqu str(%rip), %xmm1
    pcmpeqb %xmm1, %xmm0
    pmovmskb %xmm0, %eax
    LKMC_ASSERT_EQ(%eax, 0xf800)
    bsf %eax, %ebx
    LKMC_ASSERT_EQ(%ebx, 11)

    /* Find every 'l'. */
    mov $'l', %ecx
    movd %ecx, %xmm2
    /* Broadcast the byte: unpack twice, then shuffle the dword. */
    punpcklbw %xmm2, %xmm2
    punpcklwd %xmm2, %xmm2
    pshufd $0, %xmm2, %xmm2
    pcmpeqb %xmm1, %xmm2
    pmovmskb %xmm2, %edx
    /* "hello world": l at 2, 3 and 9. */
    LKMC_ASSERT_EQ(%edx, 0x20c)
    popcnt %edx, %esi
    LKMC_ASSERT_EQ(%esi, 3)
LKMC_EPILOGUE

.section .rodata
str:
    .asciz "hello world"
    .byte 0, 0, 0, 0
