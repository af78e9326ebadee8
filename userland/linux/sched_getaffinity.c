/* sched_getaffinity / sched_setaffinity: the set of CPUs a thread may run
 * on. Threads inherit it from their creator and can change their own.
 *
 * Run: lkmc run --userland userland/linux/sched_getaffinity.c --arch aarch64
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

static cpu_set_t child_saw;

static void *work(void *arg) {
    (void)arg;
    sched_getaffinity(0, sizeof child_saw, &child_saw);
    return NULL;
}

int main(void) {
    cpu_set_t set, one;
    LKMC_SYS(sched_getaffinity(0, sizeof set, &set));
    int n = CPU_COUNT(&set);
    printf("may run on %d CPU(s):", n);
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &set))
            printf(" %d", c);
    printf("\n");
    LKMC_ASSERT(n >= 1);
    LKMC_ASSERT(n <= sysconf(_SC_NPROCESSORS_CONF));

    /* Restrict to the first allowed CPU; a new thread inherits it. */
    int first = 0;
    while (!CPU_ISSET(first, &set))
        first++;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    LKMC_SYS(sched_setaffinity(0, sizeof one, &one));
    pthread_t t;
    pthread_create(&t, NULL, work, NULL);
    pthread_join(t, NULL);
    LKMC_ASSERT_EQ(CPU_COUNT(&child_saw), 1);
    LKMC_ASSERT(CPU_ISSET(first, &child_saw));

    /* An empty set is invalid. */
    CPU_ZERO(&one);
    LKMC_ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), -1);
    LKMC_SYS(sched_setaffinity(0, sizeof set, &set));
    return 0;
}
