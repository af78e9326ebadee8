/* Hello world with no libc at all: execution starts at _start, and the only
 * interface is raw system calls (svc 0, number in x8): write(1, msg, len),
 * then exit(0), or exit(1) if the write was short. Built with -nostdlib
 * -static (freestanding = true).
 *
 * Run: lkmc run --userland userland/arch/aarch64/freestanding/linux/hello.S --arch aarch64
 */

.section .note.GNU-stack, "", %progbits

.text
.global _start
_start:
    /* write: 64 */
    mov x0, 1
    adr x1, msg
    ldr x2, =len
    mov x8, 64
    svc 0
    cmp x0, len
    cset x0, ne
    /* exit: 93 */
    mov x8, 93
    svc 0

msg:
    .ascii "hello\n"
len = . - msg
