/* exit(2): end the process with exit status 2 from anywhere (here from a
 * nested function), running atexit handlers and flushing stdio first. The
 * test expects status 2.
 *
 * Run: lkmc run --userland userland/c/exit2.c --arch aarch64; echo $?
 */
#include <stdio.h>
#include <stdlib.h>

static void at_exit(void) {
    puts("atexit handler ran");
}

static void leave(void) {
    exit(2);
}

int main(void) {
    atexit(at_exit);
    printf("exiting with status 2\n");
    leave();
    puts("not reached");
    return 100;
}
