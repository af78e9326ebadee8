/* return 1 from main: the same as exit(1). The test expects status 1.
 *
 * Run: lkmc run --userland userland/c/return1.c --arch aarch64; echo $?
 */
#include <stdio.h>

int main(void) {
    puts("returning 1 from main");
    return 1;
}
