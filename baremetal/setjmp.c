/* setjmp.c: non-local jumps, the C way to unwind several calls at once (an
 * error path out of a deep parser, say), which needs no operating system:
 * setjmp() saves the callee-saved registers, the stack pointer and the return
 * address in a jmp_buf, and longjmp() loads them back, so setjmp() returns a
 * second time with longjmp's value.
 *
 * What is not saved is memory: a local changed after setjmp() keeps its new
 * value only if it is volatile (otherwise it may live in a register that
 * longjmp() restores to its old value). */

#include <setjmp.h>
#include <stdio.h>

#define DEPTH 5

static jmp_buf env;
static int depth_reached;

static void dive(int depth)
{
    depth_reached = depth;
    if (depth == DEPTH)
        longjmp(env, 42);
    if (depth < DEPTH)
        dive(depth + 1);
    puts("setjmp: dive() returned normally");
}

int main(void)
{
    volatile int calls = 0;
    int ret;

    ret = setjmp(env);
    calls++;
    if (ret == 0) {
        /* First return: go deep, never come back here this way. */
        dive(1);
        puts("setjmp: dive(1) returned");
        return 1;
    }
    printf("setjmp: setjmp returned %d after depth %d, %d times\n", ret, depth_reached, calls);
    if (ret != 42 || depth_reached != DEPTH || calls != 2)
        return 1;

    /* longjmp(env, 0) makes setjmp return 1: 0 is reserved for the first
     * return. */
    if (setjmp(env) == 0)
        longjmp(env, 0);
    else
        puts("setjmp: longjmp(env, 0) made setjmp return non-zero");
    return 0;
}
