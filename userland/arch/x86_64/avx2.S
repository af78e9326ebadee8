/* AVX2: 256-bit %ymm registers and three-operand VEX instructions. vpaddd
 * adds eight 32-bit lanes, vpbroadcastd copies one value to every lane,
 * vpermd permutes lanes across the 128-bit halves. vzeroupper before
 * returning to SSE code avoids a slow transition on real CPUs (the upper
 * halves are caller-saved: C code may zero them). QEMU's TCG
 * implements AVX2 since version 7.2 (with -cpu max, the user-mode default).
 *
 * Run: lkmc run --userland userland/arch/x86_64/avx2.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* The OS must have enabled the AVX state (CPUID.1:ECX.OSXSAVE and XCR0). */
    mov $7, %eax
    xor %ecx, %ecx
    cpuid
    bt $5, %ebx
    setc %r12b
    LKMC_ASSERT_EQ(%r12b, 1)

    vmovdqu a(%rip), %ymm0
    vpbroadcastd ten(%rip), %ymm1
    vpaddd %ymm1, %ymm0, %ymm2
    vmovdqu %ymm2, out(%rip)
    lea out(%rip), %rax
    lea a_plus_ten(%rip), %rbx
    LKMC_ASSERT_MEMCMP(%rax, %rbx, 32)

    /* Reverse all eight lanes with a lane index vector. The check above
     * called C, whose AVX code ends with vzeroupper: reload. */
    vmovdqu a(%rip), %ymm0
    vmovdqu reverse_idx(%rip), %ymm3
    vpermd %ymm0, %ymm3, %ymm4
    vmovdqu %ymm4, out(%rip)
    lea out(%rip), %rax
    lea a_reversed(%rip), %rbx
    LKMC_ASSERT_MEMCMP(%rax, %rbx, 32)

    /* Compare lanes: all-ones where equal; vpmovmskb gathers the top bits. */
    vmovdqu a(%rip), %ymm0
    vpcmpeqd %ymm0, %ymm0, %ymm5
    vpmovmskb %ymm5, %ecx
    LKMC_ASSERT_EQ(%ecx, 0xffffffff)
    vzeroupper
LKMC_EPILOGUE

.section .rodata
.balign 32
a:
    .long 1, 2, 3, 4, 5, 6, 7, 8
ten:
    .long 10
.balign 32
a_plus_ten:
    .long 11, 12, 13, 14, 15, 16, 17, 18
reverse_idx:
    .long 7, 6, 5, 4, 3, 2, 1, 0
a_reversed:
    .long 8, 7, 6, 5, 4, 3, 2, 1

.bss
.balign 32
out:
    .skip 32
