/* Function pointers: store functions in variables and arrays, pass them as
 * callbacks, and compare them.
 *
 * Run: lkmc run --userland userland/c/function_pointers.c --arch aarch64
 */
#include <stdio.h>

#include <lkmc.h>

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

typedef int (*binop)(int, int);

static int fold(const int *v, int n, int init, binop f) {
    int acc = init;
    for (int i = 0; i < n; i++)
        acc = f(acc, v[i]);
    return acc;
}

int main(void) {
    binop ops[] = {add, sub, mul};
    int expected[] = {7, -1, 12};
    for (int i = 0; i < 3; i++)
        LKMC_ASSERT_EQ(ops[i](3, 4), expected[i]);

    /* &f and f, *fp and fp are the same thing. */
    binop f = &add;
    LKMC_ASSERT(f == add);
    LKMC_ASSERT_EQ((*f)(1, 1), 2);

    int v[] = {1, 2, 3, 4, 5};
    LKMC_ASSERT_EQ(fold(v, 5, 0, add), 15);
    LKMC_ASSERT_EQ(fold(v, 5, 1, mul), 120);
    puts("function pointers ok");
    return 0;
}
