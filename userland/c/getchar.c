/* getchar: read standard input one byte at a time until EOF.
 *
 * Prints each byte read (escaped) and the total, and checks that the loop
 * ended because of end of file (feof) and not a read error (ferror). The test
 * run feeds "hello\n" (stdin in configs/userland.toml); with no input at all
 * it fails, because there would be nothing to show.
 *
 * Run: echo hello | lkmc run --userland userland/c/getchar.c --arch aarch64
 */
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    int c;
    long n = 0;
    while ((c = getchar()) != EOF) {
        if (c >= 0x20 && c < 0x7f)
            printf("byte %ld: '%c'\n", n, c);
        else
            printf("byte %ld: 0x%02x\n", n, c);
        n++;
    }
    printf("read %ld bytes\n", n);
    LKMC_ASSERT(feof(stdin));
    LKMC_ASSERT(!ferror(stdin));
    if (n == 0)
        LKMC_FAIL("expected some bytes on stdin, got none");
    return 0;
}
