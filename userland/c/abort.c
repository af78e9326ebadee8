/* abort: raise SIGABRT, which cannot be stopped by returning from a handler:
 * abort() kills the process even if SIGABRT is caught. The test expects
 * death by SIGABRT.
 *
 * Run: lkmc run --userland userland/c/abort.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static volatile sig_atomic_t handled;

static void handler(int sig) {
    (void)sig;
    handled = 1;
}

int main(void) {
    /* The handler runs, returns, and abort() still terminates the process. */
    signal(SIGABRT, handler);
    puts("calling abort()");
    fflush(stdout);
    abort();
}
