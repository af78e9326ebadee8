/* static local variables keep their value between calls and are initialized
 * once, before the program starts (they live in .data/.bss, not the stack).
 *
 * Run: lkmc run --userland userland/c/static_local.c --arch aarch64
 */
#include <stdio.h>

#include <lkmc.h>

static int counter(void) {
    static int n = 10;
    return n++;
}

static int *address_of_static(void) {
    static int s;
    return &s;
}

int main(void) {
    LKMC_ASSERT_EQ(counter(), 10);
    LKMC_ASSERT_EQ(counter(), 11);
    LKMC_ASSERT_EQ(counter(), 12);
    /* Same object on every call, so returning its address is fine. */
    int *p = address_of_static();
    LKMC_ASSERT(p == address_of_static());
    LKMC_ASSERT_EQ(*p, 0);
    *p = 5;
    LKMC_ASSERT_EQ(*address_of_static(), 5);
    puts("static locals ok");
    return 0;
}
