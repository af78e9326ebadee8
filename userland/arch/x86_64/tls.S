/* Thread-local storage on x86_64: %fs points at the thread control block.
 * glibc stores the TCB's own address at %fs:0, which is also what
 * pthread_self returns, and __thread variables live at negative offsets from
 * it (local-exec model: var@tpoff).
 *
 * Run: lkmc run --userland userland/arch/x86_64/tls.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov %fs:0, %r12
    call pthread_self@PLT
    cmp %rax, %r12
    sete %bl
    LKMC_ASSERT_EQ(%bl, 1)

    /* Write our __thread variable through %fs, read it through its address. */
    movq $42, %fs:tls_var@tpoff
    mov %fs:0, %rax
    lea tls_var@tpoff(%rax), %rcx
    mov (%rcx), %rdx
    LKMC_ASSERT_EQ(%rdx, 42)
    /* It sits below the thread pointer. */
    cmp %rax, %rcx
    setb %bl
    LKMC_ASSERT_EQ(%bl, 1)
LKMC_EPILOGUE

.section .tbss, "awT", @nobits
.balign 8
tls_var:
    .skip 8
