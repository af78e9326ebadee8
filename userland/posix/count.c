/* count [N]: print 0, 1, 2, ... one number per second, forever, or N numbers
 * when N is given. A simple long-running target for GDB, gdbserver, strace,
 * or as a guest init. The test run counts to 2 (args = "2").
 *
 * Run: lkmc run --userland userland/posix/count.c --arch aarch64 --cli-args 5
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 0) : -1;
    long i;
    for (i = 0; n < 0 || i < n; i++) {
        printf("%ld\n", i);
        fflush(stdout);
        sleep(1);
    }
    LKMC_ASSERT_EQ(i, n);
    return 0;
}
