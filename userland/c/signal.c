/* ANSI C signals: signal() installs a handler, raise() sends a signal to the
 * calling process, and the handler runs before raise returns. SIG_IGN
 * ignores a signal.
 *
 * Run: lkmc run --userland userland/c/signal.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>

#include <lkmc.h>

static volatile sig_atomic_t got;

static void handler(int sig) {
    got = sig;
}

int main(void) {
    LKMC_ASSERT(signal(SIGINT, handler) != SIG_ERR);
    LKMC_ASSERT_EQ(raise(SIGINT), 0);
    LKMC_ASSERT_EQ(got, SIGINT);

    got = 0;
    LKMC_ASSERT(signal(SIGTERM, SIG_IGN) != SIG_ERR);
    /* Ignored: the process survives SIGTERM. */
    LKMC_ASSERT_EQ(raise(SIGTERM), 0);
    LKMC_ASSERT_EQ(got, 0);

    /* signal returns the previous disposition. */
    LKMC_ASSERT(signal(SIGINT, SIG_DFL) == handler);
    puts("signal handlers ran");
    return 0;
}
