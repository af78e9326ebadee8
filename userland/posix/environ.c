/* The environment: a NULL-terminated array of "NAME=value" strings, passed at
 * execve and reachable through the global environ, getenv, setenv, unsetenv.
 *
 * Run: lkmc run --userland userland/posix/environ.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc.h>

extern char **environ;

static int count_name(const char *name) {
    size_t n = strlen(name);
    int count = 0;
    for (char **e = environ; *e; e++)
        if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
            count++;
    return count;
}

int main(void) {
    int n = 0;
    for (char **e = environ; *e; e++) {
        LKMC_ASSERT(strchr(*e, '=') != NULL);
        n++;
    }
    printf("%d environment variables\n", n);

    LKMC_ASSERT(getenv("LKMC_ENVIRON_TEST") == NULL);
    LKMC_ASSERT_EQ(setenv("LKMC_ENVIRON_TEST", "one", 1), 0);
    LKMC_ASSERT_STREQ(getenv("LKMC_ENVIRON_TEST"), "one");
    LKMC_ASSERT_EQ(count_name("LKMC_ENVIRON_TEST"), 1);
    /* overwrite = 0 keeps the existing value. */
    LKMC_ASSERT_EQ(setenv("LKMC_ENVIRON_TEST", "two", 0), 0);
    LKMC_ASSERT_STREQ(getenv("LKMC_ENVIRON_TEST"), "one");
    LKMC_ASSERT_EQ(unsetenv("LKMC_ENVIRON_TEST"), 0);
    LKMC_ASSERT(getenv("LKMC_ENVIRON_TEST") == NULL);
    LKMC_ASSERT_EQ(count_name("LKMC_ENVIRON_TEST"), 0);
    return 0;
}
