/* The initial process stack, without libc: at _start, (%rsp) is argc, then
 * come the argv pointers, a NULL, the envp pointers, a NULL, and the
 * auxiliary vector. This program prints its arguments, one per line, and
 * exits with argc as its status (the test passes two arguments: status 3).
 *
 * Run: lkmc run --userland userland/arch/x86_64/freestanding/linux/argc.S --arch x86_64 --cli-args 'a bc'
 */

.section .note.GNU-stack, "", %progbits

.text
.global _start
_start:
    mov (%rsp), %r12        /* argc */
    lea 16(%rsp), %r13      /* &argv[1] */
1:
    mov (%r13), %rsi
    test %rsi, %rsi
    jz 3f
    /* strlen(argv[i]) into %rdx. */
    xor %edx, %edx
2:
    cmpb $0, (%rsi, %rdx)
    je 4f
    inc %rdx
    jmp 2b
4:
    /* Replace the terminating NUL by a newline and write it too. */
    movb $'\n', (%rsi, %rdx)
    inc %rdx
    mov $1, %eax
    mov $1, %edi
    syscall
    add $8, %r13
    jmp 1b
3:
    /* argv[argc] is NULL: check we walked exactly argc - 1 entries. */
    lea 8(%rsp, %r12, 8), %rax
    cmp %rax, %r13
    mov $255, %edi
    jne 5f
    mov %r12, %rdi
5:
    mov $60, %eax
    syscall
