/* Dereferencing a NULL pointer: page 0 is never mapped, so the MMU faults and
 * the kernel sends SIGSEGV, which kills the process (the test expects it).
 *
 * Run: lkmc run --userland userland/c/null_dereference.c --arch aarch64
 */
#include <stdio.h>

int main(void) {
    /* volatile: stop GCC from treating the access as unreachable. */
    int *volatile p = NULL;
    puts("about to read address 0");
    fflush(stdout);
    printf("%d\n", *p);
    return 1;
}
