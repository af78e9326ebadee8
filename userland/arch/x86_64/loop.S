/* Loops: sum 1..10 with a counter and a conditional jump, and with the LOOP
 * instruction (decrement %rcx, jump if not zero).
 *
 * Run: lkmc run --userland userland/arch/x86_64/loop.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    /* for (i = 1; i <= 10; i++) sum += i; */
    xor %eax, %eax
    mov $1, %rcx
1:
    add %rcx, %rax
    inc %rcx
    cmp $10, %rcx
    jle 1b
    LKMC_ASSERT_EQ(%rax, 55)

    /* Counting down with loop. */
    xor %eax, %eax
    mov $10, %ecx
2:
    add %rcx, %rax
    loop 2b
    LKMC_ASSERT_EQ(%rax, 55)
    LKMC_ASSERT_EQ(%rcx, 0)

    /* Nested loops: 3 * 4 iterations. */
    xor %eax, %eax
    mov $3, %r8
3:
    mov $4, %r9
4:
    inc %rax
    dec %r9
    jnz 4b
    dec %r8
    jnz 3b
    LKMC_ASSERT_EQ(%rax, 12)
LKMC_EPILOGUE
