/* semihost_exit.c: exit(N) ends the program from any depth of calls, after
 * running the atexit() handlers, as in a hosted C program.
 *
 * exit() is picolibc's: it runs the handlers registered with atexit(), then
 * calls _exit(), which the runtime (lib/runtime.c) implements with the
 * semihosting call that stops QEMU with status N. The handler checks that it
 * runs after the nested call and turns any surprise into status 1 through
 * _exit() (which skips the handlers), so only a correct run ends with the 7
 * that configs/baremetal.toml expects. */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define STATUS 7
#define DEPTH 3

static volatile int depth_reached;

static void check_at_exit(void)
{
    if (depth_reached != DEPTH) {
        printf("semihost_exit: atexit handler saw depth %d, expected %d\n",
               depth_reached, DEPTH);
        _exit(1);
    }
    puts("semihost_exit: atexit handler ran after exit()");
}

static void level3(void)
{
    depth_reached = DEPTH;
    printf("semihost_exit: exit(%d) at depth %d\n", STATUS, DEPTH);
    exit(STATUS);
}

static void level2(void)
{
    level3();
    /* exit() never returns, so no frame gets here. */
    puts("semihost_exit: returned to level2");
    _exit(1);
}

static void level1(void)
{
    level2();
    puts("semihost_exit: returned to level1");
    _exit(1);
}

int main(void)
{
    if (atexit(check_at_exit) != 0) {
        puts("semihost_exit: atexit failed");
        return 1;
    }
    level1();
    puts("semihost_exit: level1() returned");
    return 1;
}
