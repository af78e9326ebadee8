/* exit(1): end the process with exit status 1 from anywhere (here from a
 * nested function), running atexit handlers and flushing stdio first. The
 * test expects status 1.
 *
 * Run: lkmc run --userland userland/c/exit1.c --arch aarch64; echo $?
 */
#include <stdio.h>
#include <stdlib.h>

static void at_exit(void) {
    puts("atexit handler ran");
}

static void leave(void) {
    exit(1);
}

int main(void) {
    atexit(at_exit);
    printf("exiting with status 1\n");
    leave();
    puts("not reached");
    return 100;
}
