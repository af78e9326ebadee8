/* System calls with the syscall instruction: number in %rax, arguments in
 * %rdi, %rsi, %rdx, %r10, %r8, %r9; the result comes back in %rax, and
 * errors as -errno (-4095..-1). syscall clobbers %rcx and %r11.
 *
 * Run: lkmc run --userland userland/arch/x86_64/syscall_write.S --arch x86_64
 */
#include <lkmc.h>

/* From <asm/unistd_64.h>. */
#define SYS_write 1
#define SYS_getpid 39
#define EBADF 9

LKMC_PROLOGUE
    /* write(1, msg, len) */
    mov $SYS_write, %eax
    mov $1, %edi
    lea msg(%rip), %rsi
    mov $msg_len, %edx
    syscall
    LKMC_ASSERT_EQ(%rax, msg_len)

    /* write to a descriptor that does not exist: -EBADF. */
    mov $SYS_write, %eax
    mov $-1, %edi
    lea msg(%rip), %rsi
    mov $1, %edx
    syscall
    LKMC_ASSERT_EQ(%rax, -EBADF)

    /* The raw getpid agrees with libc's. */
    mov $SYS_getpid, %eax
    syscall
    mov %rax, %r12
    call getpid@PLT
    cmp %rax, %r12
    sete %bl
    LKMC_ASSERT_EQ(%bl, 1)
LKMC_EPILOGUE

.section .rodata
msg:
    .ascii "hello from the write system call\n"
msg_len = . - msg
