/* Deadlock, detected instead of hanging: two threads take two mutexes in
 * opposite orders. Each then waits for the other's mutex with
 * pthread_mutex_timedlock, which gives up with ETIMEDOUT, the symptom of a
 * deadlock. An error-checking mutex reports EDEADLK when its owner relocks it.
 *
 * Run: lkmc run --userland userland/posix/pthread_deadlock.c --arch aarch64
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include <lkmc.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t both_locked;

struct arg {
    pthread_mutex_t *first, *second;
    int result;
};

static void *work(void *p) {
    struct arg *arg = p;
    struct timespec deadline;
    pthread_mutex_lock(arg->first);
    /* Make sure each thread holds its first mutex: now neither can proceed. */
    pthread_barrier_wait(&both_locked);
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 200 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    arg->result = pthread_mutex_timedlock(arg->second, &deadline);
    if (arg->result == 0)
        pthread_mutex_unlock(arg->second);
    /* Wait until both timed out before releasing, so the other one cannot
     * succeed by luck. */
    pthread_barrier_wait(&both_locked);
    pthread_mutex_unlock(arg->first);
    return NULL;
}

int main(void) {
    pthread_t t1, t2;
    struct arg a1 = {&a, &b, -1}, a2 = {&b, &a, -1};
    pthread_barrier_init(&both_locked, NULL, 2);
    pthread_create(&t1, NULL, work, &a1);
    pthread_create(&t2, NULL, work, &a2);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("thread 1: %d, thread 2: %d (ETIMEDOUT = %d)\n", a1.result, a2.result, ETIMEDOUT);
    LKMC_ASSERT_EQ(a1.result, ETIMEDOUT);
    LKMC_ASSERT_EQ(a2.result, ETIMEDOUT);

    pthread_mutexattr_t attr;
    pthread_mutex_t m;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &attr);
    LKMC_ASSERT_EQ(pthread_mutex_lock(&m), 0);
    LKMC_ASSERT_EQ(pthread_mutex_lock(&m), EDEADLK);
    LKMC_ASSERT_EQ(pthread_mutex_unlock(&m), 0);
    LKMC_ASSERT_EQ(pthread_mutex_unlock(&m), EPERM);
    return 0;
}
