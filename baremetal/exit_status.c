/* exit_status.c: the value main returns is the emulator's exit status, which
 * is how every baremetal example reports success (0) or failure to the test
 * suite.
 *
 * There is no operating system to hand the status to: the runtime's exit()
 * makes the semihosting call SYS_EXIT (aarch64) or SYS_EXIT_EXTENDED (arm)
 * (on gem5: m5_exit, or m5_fail with the status),
 * which QEMU run with -semihosting turns into its own process exit status.
 * This one fails on purpose with 3; configs/baremetal.toml tells the tests to
 * expect 3, so 0 (the status being lost) would be a test failure. */

#include <stdio.h>

int main(void)
{
    puts("exit_status: returning 3 from main");
    return 3;
}
