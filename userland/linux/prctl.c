/* prctl: per-process (mostly per-thread) knobs. PR_SET_NAME sets the thread
 * name shown in /proc/self/comm and by ps/top (15 characters at most);
 * PR_SET_DUMPABLE and PR_SET_PDEATHSIG are other examples.
 *
 * Run: lkmc run --userland userland/linux/prctl.c --arch aarch64
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

#include <lkmc.h>

int main(void) {
    char name[32] = {0};
    LKMC_SYS(prctl(PR_SET_NAME, "lkmc-prctl"));
    LKMC_SYS(prctl(PR_GET_NAME, name));
    LKMC_ASSERT_STREQ(name, "lkmc-prctl");

    /* Longer names are truncated to 15 characters plus NUL. */
    LKMC_SYS(prctl(PR_SET_NAME, "0123456789abcdefghij"));
    LKMC_SYS(prctl(PR_GET_NAME, name));
    LKMC_ASSERT_STREQ(name, "0123456789abcde");

    FILE *f = fopen("/proc/self/comm", "r");
    if (f) {
        char comm[32] = {0};
        LKMC_ASSERT(fgets(comm, sizeof comm, f) != NULL);
        fclose(f);
        LKMC_ASSERT_STREQ(comm, "0123456789abcde\n");
    }

    LKMC_ASSERT_EQ(LKMC_SYS(prctl(PR_GET_DUMPABLE)), 1);
    LKMC_SYS(prctl(PR_SET_DUMPABLE, 0));
    LKMC_ASSERT_EQ(prctl(PR_GET_DUMPABLE), 0);
    LKMC_SYS(prctl(PR_SET_DUMPABLE, 1));

    int sig = -1;
    LKMC_SYS(prctl(PR_SET_PDEATHSIG, SIGTERM));
    LKMC_SYS(prctl(PR_GET_PDEATHSIG, &sig));
    LKMC_ASSERT_EQ(sig, SIGTERM);
    puts("prctl ok");
    return 0;
}
