/* Calling C from assembly: follow the System V AMD64 ABI. Integer arguments
 * in %rdi, %rsi, %rdx, %rcx, %r8, %r9, the result in %rax, %rsp 16-byte
 * aligned at the call, and calls into shared libraries through the PLT.
 *
 * Run: lkmc run --userland userland/arch/x86_64/call_c.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* lkmc_add2 is in liblkmc (linked statically into the program). */
    mov $40, %rdi
    mov $2, %rsi
    call lkmc_add2
    LKMC_ASSERT_EQ(%rax, 42)

    /* strlen is in libc.so: call it through the PLT. */
    lea message(%rip), %rdi
    call strlen@PLT
    LKMC_ASSERT_EQ(%rax, 12)

    /* puts(message). */
    lea message(%rip), %rdi
    call puts@PLT
    /* Variadic functions: %al = number of vector registers used. */
    lea format(%rip), %rdi
    mov $7, %esi
    xor %eax, %eax
    call printf@PLT
    LKMC_ASSERT_EQ(%rax, 10)
LKMC_EPILOGUE

.section .rodata
message:
    .asciz "hello from C"
format:
    .asciz "printf: %d\n"
