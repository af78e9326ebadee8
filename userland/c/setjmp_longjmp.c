/* setjmp/longjmp: a non-local goto. setjmp returns 0 when called, and returns
 * again, with the value given to longjmp, when longjmp is called from deeper
 * in the call stack. Locals changed after setjmp must be volatile to have a
 * defined value after the jump.
 *
 * Run: lkmc run --userland userland/c/setjmp_longjmp.c --arch aarch64
 */
#include <setjmp.h>
#include <stdio.h>

#include <lkmc.h>

static jmp_buf env;
static int depth_reached;

static void recurse(int depth) {
    depth_reached = depth;
    if (depth == 10)
        longjmp(env, depth);
    if (depth < 100)
        recurse(depth + 1);
}

int main(void) {
    volatile int calls = 0;
    int r = setjmp(env);
    calls++;
    if (r == 0) {
        LKMC_ASSERT_EQ(calls, 1);
        recurse(1);
        LKMC_FAIL("recurse returned normally");
    }
    LKMC_ASSERT_EQ(r, 10);
    LKMC_ASSERT_EQ(depth_reached, 10);
    LKMC_ASSERT_EQ(calls, 2);

    /* longjmp(env, 0) makes setjmp return 1, never 0. */
    r = setjmp(env);
    if (r == 0)
        longjmp(env, 0);
    LKMC_ASSERT_EQ(r, 1);
    puts("setjmp/longjmp ok");
    return 0;
}
