/* Command line arguments: argc counts argv[0] (the program) plus one entry per
 * argument the shell split out; argv[argc] is NULL.
 *
 * Prints every argv entry, one per line. If the first argument is a number N,
 * checks that exactly N more arguments follow, so that the test run
 * (args = "3 first 'second with spaces' third" in configs/userland.toml) shows
 * that a quoted word arrives as a single argument.
 *
 * Run: lkmc run --userland userland/c/command_line_arguments.c --arch aarch64 \
 *        --cli-args "2 a 'b c'"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    int i;
    for (i = 0; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);
    LKMC_ASSERT(argc >= 1);
    LKMC_ASSERT(argv[argc] == NULL);
    if (argc > 1) {
        char *end;
        long n = strtol(argv[1], &end, 10);
        if (*end == '\0') {
            LKMC_ASSERT_EQ(argc - 2, n);
            /* Words with spaces must survive as one argument. */
            for (i = 2; i < argc; i++)
                if (strchr(argv[i], ' '))
                    printf("argument %d contains a space: \"%s\"\n", i, argv[i]);
        }
    }
    return 0;
}
