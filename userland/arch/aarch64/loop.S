/* Loops: sum 1..10 counting up with cmp/b.le, counting down with subs/b.ne
 * (the flags come from the decrement itself), and nested loops.
 *
 * Run: lkmc run --userland userland/arch/aarch64/loop.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0
    mov x1, 1
1:
    add x0, x0, x1
    add x1, x1, 1
    cmp x1, 10
    b.le 1b
    LKMC_ASSERT_EQ(x0, 55)

    mov x0, 0
    mov x1, 10
2:
    add x0, x0, x1
    subs x1, x1, 1
    b.ne 2b
    LKMC_ASSERT_EQ(x0, 55)

    mov x0, 0
    mov x2, 3
3:
    mov x3, 4
4:
    add x0, x0, 1
    subs x3, x3, 1
    b.ne 4b
    subs x2, x2, 1
    b.ne 3b
    LKMC_ASSERT_EQ(x0, 12)
LKMC_EPILOGUE
