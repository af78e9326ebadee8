/* pthread_mutex: mutual exclusion. A read-modify-write of a shared variable
 * done under the mutex never loses updates. Also shows trylock returning
 * EBUSY and a recursive mutex that its owner may lock twice.
 *
 * Run: lkmc run --userland userland/posix/pthread_mutex.c --arch aarch64
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#include <lkmc.h>

#define N 4
#define ITERS 50000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile unsigned long counter;

static void *work(void *arg) {
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&m);
        /* Read, then write: without the mutex, another thread could write
         * in between and its increment would be lost. */
        unsigned long v = counter;
        counter = v + 1;
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

static void *try_it(void *arg) {
    return (void *)(long)pthread_mutex_trylock(arg);
}

int main(void) {
    pthread_t t[N];
    for (int i = 0; i < N; i++)
        LKMC_ASSERT_EQ(pthread_create(&t[i], NULL, work, NULL), 0);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    LKMC_ASSERT_EQ(counter, N * ITERS);

    /* trylock from another thread while we hold it. */
    void *ret;
    pthread_mutex_lock(&m);
    pthread_t other;
    pthread_create(&other, NULL, try_it, &m);
    pthread_join(other, &ret);
    LKMC_ASSERT_EQ((long)ret, EBUSY);
    pthread_mutex_unlock(&m);

    pthread_mutexattr_t attr;
    pthread_mutex_t rec;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&rec, &attr);
    LKMC_ASSERT_EQ(pthread_mutex_lock(&rec), 0);
    LKMC_ASSERT_EQ(pthread_mutex_lock(&rec), 0);
    LKMC_ASSERT_EQ(pthread_mutex_unlock(&rec), 0);
    LKMC_ASSERT_EQ(pthread_mutex_unlock(&rec), 0);
    pthread_mutex_destroy(&rec);
    pthread_mutexattr_destroy(&attr);
    printf("counter %lu\n", counter);
    return 0;
}
