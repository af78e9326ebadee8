/* assert: a failed assert() prints the expression, file and line, then calls
 * abort(), so the process dies with SIGABRT (the test expects that signal).
 * Compiling with -DNDEBUG removes the check entirely.
 *
 * Run: lkmc run --userland userland/c/assert_fail.c --arch aarch64
 */
#include <assert.h>
#include <stdio.h>

int main(void) {
    int i = 1;
    assert(i == 1);
    puts("the first assert held; the next one fails and aborts");
    fflush(stdout);
    assert(i + 1 == 3);
    /* Not reached unless built with -DNDEBUG: then exit 1 to say so. */
    puts("assert was compiled out (NDEBUG)");
    return 1;
}
