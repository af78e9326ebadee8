/* kill: send a signal to a process, here to ourselves. SIGHUP's default
 * action terminates the process, so this program dies with SIGHUP (the test
 * expects that). kill with signal 0 only checks that the process exists.
 *
 * Run: lkmc run --userland userland/posix/kill.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    /* Ignored dispositions are inherited (e.g. under nohup): restore the
     * default action, which is what this example shows. */
    LKMC_ASSERT(signal(SIGHUP, SIG_DFL) != SIG_ERR);
    LKMC_ASSERT_EQ(kill(getpid(), 0), 0);
    puts("sending SIGHUP to myself");
    fflush(stdout);
    kill(getpid(), SIGHUP);
    /* The signal is delivered before kill returns to us. */
    puts("not reached");
    return 1;
}
