/* CALL and RET: call pushes the return address and jumps; ret pops it and
 * jumps there. Arguments and results go in registers by convention.
 *
 * Run: lkmc run --userland userland/arch/x86_64/call_ret.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $20, %rdi
    call times3_plus1
    LKMC_ASSERT_EQ(%rax, 61)

    /* The return address is what call pushed. */
    call where_am_i
after_call:
    lea after_call(%rip), %rbx
    cmp %rbx, %rax
    sete %cl
    LKMC_ASSERT_EQ(%cl, 1)

    /* Indirect call through a register. */
    lea times3_plus1(%rip), %rdx
    mov $1, %rdi
    call *%rdx
    LKMC_ASSERT_EQ(%rax, 4)
LKMC_EPILOGUE

/* rax = rdi * 3 + 1 */
times3_plus1:
    lea 1(%rdi, %rdi, 2), %rax
    ret

/* Returns its own return address. */
where_am_i:
    mov (%rsp), %rax
    ret
