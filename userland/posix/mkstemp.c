/* mkstemp: create a uniquely named temporary file safely (O_EXCL, mode 0600);
 * the XXXXXX suffix is replaced in the template.
 *
 * Run: lkmc run --userland userland/posix/mkstemp.c --arch aarch64
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    char t1[] = "lkmc-XXXXXX", t2[] = "lkmc-XXXXXX";
    int a = LKMC_SYS(mkstemp(t1));
    int b = LKMC_SYS(mkstemp(t2));
    printf("%s %s\n", t1, t2);
    LKMC_ASSERT(strcmp(t1, t2) != 0);
    LKMC_ASSERT(strstr(t1, "XXXXXX") == NULL);
    struct stat st;
    LKMC_SYS(fstat(a, &st));
    LKMC_ASSERT_EQ(st.st_mode & 0777, 0600);
    close(a);
    close(b);
    LKMC_SYS(unlink(t1));
    LKMC_SYS(unlink(t2));
    return 0;
}
