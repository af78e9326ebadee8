/* return 2 from main: the same as exit(2). The test expects status 2.
 *
 * Run: lkmc run --userland userland/c/return2.c --arch aarch64; echo $?
 */
#include <stdio.h>

int main(void) {
    puts("returning 2 from main");
    return 2;
}
