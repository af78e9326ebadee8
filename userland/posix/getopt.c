/* getopt: parse command line options the POSIX way. The test run passes
 * args = "-v -n 3 -abc file1 file2"; options may be grouped (-abc) and an
 * option's argument may be attached or separate. Prints what it found and
 * checks it when given exactly those arguments.
 *
 * Run: lkmc run --userland userland/posix/getopt.c --arch aarch64 --cli-args '-v -n 3 -abc file1 file2'
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    int verbose = 0, n = 0, a = 0, b = 0, c = 0, opt;
    while ((opt = getopt(argc, argv, "vn:abc")) != -1) {
        switch (opt) {
        case 'v': verbose = 1; break;
        case 'n': n = atoi(optarg); break;
        case 'a': a = 1; break;
        case 'b': b = 1; break;
        case 'c': c = 1; break;
        default:
            fprintf(stderr, "usage: %s [-v] [-n N] [-abc] FILE...\n", argv[0]);
            return 2;
        }
    }
    printf("verbose=%d n=%d a=%d b=%d c=%d operands:", verbose, n, a, b, c);
    for (int i = optind; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    /* Self-check for the test run's arguments. */
    if (argc == 7 && strcmp(argv[1], "-v") == 0) {
        LKMC_ASSERT(verbose && a && b && c);
        LKMC_ASSERT_EQ(n, 3);
        LKMC_ASSERT_EQ(optind, 5);
        LKMC_ASSERT_STREQ(argv[optind], "file1");
    }
    return 0;
}
