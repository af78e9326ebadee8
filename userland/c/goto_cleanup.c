/* goto for error handling: the cleanup idiom used all over the Linux kernel.
 * Resources acquired in order are released in reverse order by falling
 * through labels.
 *
 * Run: lkmc run --userland userland/c/goto_cleanup.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

static int released[3];
static int nreleased;

static int setup(int fail_at) {
    int ret = -1;
    char *a, *b, *c;
    nreleased = 0;
    a = malloc(8);
    if (!a || fail_at == 1)
        goto out;
    b = malloc(8);
    if (!b || fail_at == 2)
        goto free_a;
    c = malloc(8);
    if (!c || fail_at == 3)
        goto free_b;
    ret = 0;
    free(c);
    released[nreleased++] = 'c';
free_b:
    free(b);
    released[nreleased++] = 'b';
free_a:
    free(a);
    released[nreleased++] = 'a';
out:
    return ret;
}

int main(void) {
    LKMC_ASSERT_EQ(setup(0), 0);
    LKMC_ASSERT_EQ(nreleased, 3);
    LKMC_ASSERT_EQ(released[0], 'c');
    LKMC_ASSERT_EQ(setup(3), -1);
    LKMC_ASSERT_EQ(nreleased, 2);
    LKMC_ASSERT_EQ(released[0], 'b');
    LKMC_ASSERT_EQ(setup(2), -1);
    LKMC_ASSERT_EQ(nreleased, 1);
    LKMC_ASSERT_EQ(released[0], 'a');
    puts("goto cleanup ok");
    return 0;
}
