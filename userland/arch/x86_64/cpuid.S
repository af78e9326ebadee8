/* CPUID: ask the CPU what it is and supports. Leaf 0 gives the highest leaf
 * and the 12-character vendor string in %ebx, %edx, %ecx; leaf 1 %edx bit 26
 * is SSE2, which every x86_64 CPU has. Prints the vendor (QEMU's TCG "max"
 * CPU reports the host vendor or its own).
 *
 * Run: lkmc run --userland userland/arch/x86_64/cpuid.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    xor %eax, %eax
    cpuid
    mov %ebx, vendor(%rip)
    mov %edx, vendor+4(%rip)
    mov %ecx, vendor+8(%rip)
    /* At least leaf 1 exists. */
    cmp $1, %eax
    setae %r12b
    LKMC_ASSERT_EQ(%r12b, 1)

    lea format(%rip), %rdi
    lea vendor(%rip), %rsi
    xor %eax, %eax
    call printf@PLT

    mov $1, %eax
    cpuid
    bt $26, %edx
    setc %r12b
    LKMC_ASSERT_EQ(%r12b, 1)
    /* Leaf 1 %ecx bit 0: SSE3, also universal on x86_64 CPUs of this century. */
    and $1, %ecx
    LKMC_ASSERT_EQ(%ecx, 1)
LKMC_EPILOGUE

.section .rodata
format:
    .asciz "vendor: %s\n"
.bss
vendor:
    .skip 16
