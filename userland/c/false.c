/* false: like the shell utility, do nothing and fail with status 1
 * (EXIT_FAILURE). Useful to check that lkmc reports a guest failure.
 *
 * Run: lkmc run --userland userland/c/false.c --arch aarch64; echo $?
 */
#include <stdlib.h>

int main(void) {
    return EXIT_FAILURE;
}
