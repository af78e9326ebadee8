/* The initial process stack, without libc: at _start, [sp] is argc, then the
 * argv pointers, a NULL, the envp pointers, a NULL, and the auxiliary vector.
 * Prints each argument on its own line and exits with argc as the status
 * (the test passes two arguments: status 3).
 *
 * Run: lkmc run --userland userland/arch/arm/freestanding/linux/argc.S --arch arm --cli-args 'a bc'
 */

.syntax unified
.section .note.GNU-stack, "", %progbits

.text
.global _start
_start:
    ldr r4, [sp]            /* argc */
    add r5, sp, #8          /* &argv[1] */
1:
    ldr r1, [r5], #4
    cmp r1, #0
    beq 3f
    mov r2, #0
2:
    ldrb r3, [r1, r2]
    cmp r3, #0
    addne r2, r2, #1
    bne 2b
    /* Newline in place of the NUL, then write it all. */
    mov r3, #'\n'
    strb r3, [r1, r2]
    add r2, r2, #1
    mov r0, #1
    mov r7, #4
    svc #0
    b 1b
3:
    /* r5 is one past the NULL: sp + 4 * (argc + 2). */
    add r6, r4, #2
    add r6, sp, r6, lsl #2
    cmp r6, r5
    moveq r0, r4
    movne r0, #255
    mov r7, #1
    svc #0
