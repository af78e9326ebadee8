/* The current working directory: getcwd reads it, chdir changes it, and
 * relative paths are resolved from it. Each process has its own.
 *
 * Run: lkmc run --userland userland/posix/getcwd_chdir.c --arch aarch64
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    char start[PATH_MAX], now[PATH_MAX], expected[PATH_MAX + 32];
    LKMC_ASSERT(getcwd(start, sizeof start) != NULL);
    LKMC_ASSERT_EQ(start[0], '/');
    printf("cwd %s\n", start);

    LKMC_SYS(mkdir("getcwd_chdir.dir", 0700));
    LKMC_SYS(chdir("getcwd_chdir.dir"));
    LKMC_ASSERT(getcwd(now, sizeof now) != NULL);
    snprintf(expected, sizeof expected, "%s/getcwd_chdir.dir",
            strcmp(start, "/") == 0 ? "" : start);
    LKMC_ASSERT_STREQ(now, expected);

    LKMC_SYS(chdir(".."));
    LKMC_ASSERT(getcwd(now, sizeof now) != NULL);
    LKMC_ASSERT_STREQ(now, start);
    LKMC_SYS(rmdir("getcwd_chdir.dir"));

    /* The root's parent is itself. */
    LKMC_SYS(chdir("/.."));
    LKMC_ASSERT(getcwd(now, sizeof now) != NULL);
    LKMC_ASSERT_STREQ(now, "/");
    return 0;
}
