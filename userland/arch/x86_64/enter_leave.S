/* Stack frames: a function sets %rbp to its frame and reserves locals below
 * it, either by hand (push %rbp; mov %rsp, %rbp; sub $N, %rsp) or with ENTER;
 * LEAVE undoes it (mov %rbp, %rsp; pop %rbp). Frame pointers chain: (%rbp)
 * holds the caller's %rbp, 8(%rbp) the return address.
 *
 * Run: lkmc run --userland userland/arch/x86_64/enter_leave.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $5, %rdi
    call with_locals
    LKMC_ASSERT_EQ(%rax, 15)
    mov %rbp, %r12
    call caller_frame
    /* The callee saw our %rbp as its saved frame pointer. */
    cmp %r12, %rax
    sete %bl
    LKMC_ASSERT_EQ(%bl, 1)
LKMC_EPILOGUE

/* Two 8-byte locals: a = rdi, b = 2 * rdi; returns a + b. */
with_locals:
    enter $16, $0
    mov %rdi, -8(%rbp)
    lea (%rdi, %rdi), %rax
    mov %rax, -16(%rbp)
    mov -8(%rbp), %rax
    add -16(%rbp), %rax
    leave
    ret

/* Returns the saved frame pointer of its caller. */
caller_frame:
    push %rbp
    mov %rsp, %rbp
    mov (%rbp), %rax
    pop %rbp
    ret
