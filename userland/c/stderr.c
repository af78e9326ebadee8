/* stdout is buffered (line buffered on a terminal, fully buffered on a pipe
 * or file), stderr is unbuffered. setvbuf changes the buffering; fflush
 * pushes buffered bytes to the kernel.
 *
 * Run: lkmc run --userland userland/c/stderr.c --arch aarch64
 */
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    static char buf[BUFSIZ];
    /* Full buffering on stdout with our own buffer. */
    LKMC_ASSERT_EQ(setvbuf(stdout, buf, _IOFBF, sizeof buf), 0);
    LKMC_ASSERT_EQ(printf("buffered"), 8);
    /* The bytes sit in our buffer until flushed. */
    LKMC_ASSERT_EQ(buf[0], 'b');
    LKMC_ASSERT(fprintf(stderr, "stderr goes out immediately\n") > 0);
    LKMC_ASSERT_EQ(fflush(stdout), 0);
    printf(" and flushed\n");
    fflush(stdout);
    LKMC_ASSERT_EQ(fileno(stdout), STDOUT_FILENO);
    LKMC_ASSERT_EQ(fileno(stderr), STDERR_FILENO);
    return 0;
}
