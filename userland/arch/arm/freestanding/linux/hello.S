/* Hello world with no libc at all: execution starts at _start, and the only
 * interface is raw system calls (svc #0, number in r7): write(1, msg, len),
 * then exit(0), or exit(1) if the write was short. Built with -nostdlib
 * -static (freestanding = true).
 *
 * Run: lkmc run --userland userland/arch/arm/freestanding/linux/hello.S --arch arm
 */

.syntax unified
.section .note.GNU-stack, "", %progbits

.text
.global _start
_start:
    /* write: 4 */
    mov r0, #1
    adr r1, msg
    mov r2, #len
    mov r7, #4
    svc #0
    cmp r0, #len
    movne r0, #1
    moveq r0, #0
    /* exit: 1 */
    mov r7, #1
    svc #0

msg:
    .ascii "hello\n"
len = . - msg
