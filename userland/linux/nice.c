/* Scheduling priority: nice values from -20 (favoured) to 19. Anyone may
 * lower their own priority (raise nice); raising it back needs privilege.
 * getpriority returns the nice value (careful: -1 is valid, check errno).
 *
 * Run: lkmc run --userland userland/linux/nice.c --arch aarch64
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    errno = 0;
    int before = getpriority(PRIO_PROCESS, 0);
    LKMC_ASSERT_EQ(errno, 0);
    errno = 0;
    int after = nice(1);
    LKMC_ASSERT_EQ(errno, 0);
    printf("nice %d -> %d\n", before, after);
    LKMC_ASSERT_EQ(after, before < 19 ? before + 1 : 19);
    LKMC_ASSERT_EQ(getpriority(PRIO_PROCESS, 0), after);
    LKMC_ASSERT_EQ(sched_getscheduler(0), SCHED_OTHER);
    LKMC_SYS(sched_yield());
    return 0;
}
