/* sleep_forever: block in pause() until a signal kills the process. Useful as
 * a minimal init (`lkmc run --kernel-cli init=/lkmc/posix/sleep_forever.out`)
 * or as a process to inspect from outside (/proc/PID, GDB attach). Never
 * exits on its own, so the tests only build it.
 *
 * Run: lkmc run --userland userland/posix/sleep_forever.c --arch aarch64
 */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    printf("pid %d sleeping forever\n", (int)getpid());
    fflush(stdout);
    for (;;)
        pause();
}
