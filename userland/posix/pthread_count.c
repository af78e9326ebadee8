/* pthread_count [N]: spawn N threads (default 4), so N + 1 in total with
 * main. Each one adds its index to a shared sum under a mutex and the result
 * is checked against N(N-1)/2. Handy to watch threads in GDB or in
 * /proc/PID/task.
 *
 * Run: lkmc run --userland userland/posix/pthread_count.c --arch aarch64 --cli-args 8
 */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t all_started;
static long sum;

static void *work(void *arg) {
    long i = (long)arg;
    pthread_mutex_lock(&m);
    sum += i;
    pthread_mutex_unlock(&m);
    /* Stay alive until every thread and main have counted the tasks. */
    pthread_barrier_wait(&all_started);
    pthread_barrier_wait(&all_started);
    return (void *)(i * 2);
}

static int count_tasks(void) {
    DIR *d = opendir("/proc/self/task");
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 0) : 4;
    LKMC_ASSERT(n >= 1 && n <= 1000);
    pthread_t *t = malloc(sizeof *t * (size_t)n);
    LKMC_ASSERT(t != NULL);
    LKMC_ASSERT_EQ(pthread_barrier_init(&all_started, NULL, (unsigned)n + 1), 0);
    for (long i = 0; i < n; i++)
        LKMC_ASSERT_EQ(pthread_create(&t[i], NULL, work, (void *)i), 0);
    pthread_barrier_wait(&all_started);
    int tasks = count_tasks();
    printf("%ld threads + main, /proc/self/task has %d entries\n", n, tasks);
    /* Under QEMU user mode this is the host's directory for the QEMU process,
     * which has one more thread of its own (its RCU thread): so at least. */
    if (tasks != -1)
        LKMC_ASSERT(tasks >= n + 1);
    pthread_barrier_wait(&all_started);
    for (long i = 0; i < n; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        LKMC_ASSERT_EQ((long)ret, i * 2);
    }
    LKMC_ASSERT_EQ(sum, n * (n - 1) / 2);
    free(t);
    return 0;
}
