/* Hello world: the smallest C program, and what every other example builds on.
 * It prints one line and checks that printf reported writing all of it.
 *
 * Run: lkmc run --userland userland/c/hello.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    const char *msg = "hello";
    int n = printf("%s\n", msg);
    /* printf returns the number of bytes written: the text plus the newline. */
    LKMC_ASSERT_EQ(n, strlen(msg) + 1);
    return 0;
}
