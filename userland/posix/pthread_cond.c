/* pthread_cond: a condition variable. A consumer waits (atomically releasing
 * the mutex) until a producer changes the state and signals. The wait is in
 * a loop because wakeups may be spurious.
 *
 * Run: lkmc run --userland userland/posix/pthread_cond.c --arch aarch64
 */
#include <pthread.h>
#include <stdio.h>

#include <lkmc.h>

#define N 1000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static int slot, full;

static void *producer(void *arg) {
    (void)arg;
    for (int i = 1; i <= N; i++) {
        pthread_mutex_lock(&m);
        while (full)
            pthread_cond_wait(&not_full, &m);
        slot = i;
        full = 1;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

int main(void) {
    pthread_t t;
    long sum = 0;
    int expected_next = 1;
    pthread_create(&t, NULL, producer, NULL);
    for (int i = 0; i < N; i++) {
        pthread_mutex_lock(&m);
        while (!full)
            pthread_cond_wait(&not_empty, &m);
        /* A one-slot queue: values arrive in order, none lost or repeated. */
        LKMC_ASSERT_EQ(slot, expected_next);
        expected_next++;
        sum += slot;
        full = 0;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&m);
    }
    pthread_join(t, NULL);
    LKMC_ASSERT_EQ(sum, (long)N * (N + 1) / 2);
    printf("sum %ld\n", sum);
    return 0;
}
