/* Hello world with no libc at all: the kernel starts the program at _start
 * (no main, no C runtime), and it talks to the kernel only through raw
 * system calls: write(1, msg, len) then exit(0). Built with -nostdlib
 * -static (freestanding = true).
 *
 * Run: lkmc run --userland userland/arch/x86_64/freestanding/linux/hello.S --arch x86_64
 */

.section .note.GNU-stack, "", %progbits

.text
.global _start
_start:
    /* write(1, msg, len): syscall number 1. */
    mov $1, %eax
    mov $1, %edi
    lea msg(%rip), %rsi
    mov $len, %edx
    syscall
    /* All bytes written? Exit 1 if not. */
    mov $1, %edi
    cmp $len, %rax
    jne 1f
    xor %edi, %edi
1:
    /* exit(status): syscall number 60. */
    mov $60, %eax
    syscall

.section .rodata
msg:
    .ascii "hello\n"
len = . - msg
