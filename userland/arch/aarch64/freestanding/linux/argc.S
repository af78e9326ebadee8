/* The initial process stack, without libc: at _start, [sp] is argc, then the
 * argv pointers, a NULL, the envp pointers, a NULL, and the auxiliary vector.
 * Prints each argument on its own line and exits with argc as the status
 * (the test passes two arguments: status 3).
 *
 * Run: lkmc run --userland userland/arch/aarch64/freestanding/linux/argc.S --arch aarch64 --cli-args 'a bc'
 */

.section .note.GNU-stack, "", %progbits

.text
.global _start
_start:
    ldr x19, [sp]           /* argc */
    add x20, sp, 16         /* &argv[1] */
1:
    ldr x1, [x20], 8
    cbz x1, 3f
    /* strlen into x2 */
    mov x2, 0
2:
    ldrb w3, [x1, x2]
    cbz w3, 4f
    add x2, x2, 1
    b 2b
4:
    /* Write the argument with a newline in place of its NUL. */
    mov w3, '\n'
    strb w3, [x1, x2]
    add x2, x2, 1
    mov x0, 1
    mov x8, 64
    svc 0
    b 1b
3:
    /* x20 is one past the NULL: sp + 8 * (argc + 2). */
    add x4, x19, 2
    add x4, sp, x4, lsl 3
    cmp x4, x20
    mov x0, 255
    csel x0, x19, x0, eq
    mov x8, 93
    svc 0
