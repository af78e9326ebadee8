/* pthread_rwlock: many readers at once, or one writer alone. A reader holding
 * the lock does not stop other readers but makes a writer's trywrlock fail.
 *
 * Run: lkmc run --userland userland/posix/pthread_rwlock.c --arch aarch64
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#include <lkmc.h>

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static long data[2];

static void *try_read(void *arg) {
    (void)arg;
    int r = pthread_rwlock_tryrdlock(&lock);
    if (r == 0)
        pthread_rwlock_unlock(&lock);
    return (void *)(long)r;
}

static void *try_write(void *arg) {
    (void)arg;
    int r = pthread_rwlock_trywrlock(&lock);
    if (r == 0)
        pthread_rwlock_unlock(&lock);
    return (void *)(long)r;
}

static long run(void *(*f)(void *)) {
    pthread_t t;
    void *r;
    pthread_create(&t, NULL, f, NULL);
    pthread_join(t, &r);
    return (long)r;
}

static void *writer(void *arg) {
    (void)arg;
    for (int i = 0; i < 10000; i++) {
        pthread_rwlock_wrlock(&lock);
        data[0]++;
        data[1]++;
        pthread_rwlock_unlock(&lock);
    }
    return NULL;
}

static void *reader(void *arg) {
    long bad = 0;
    (void)arg;
    for (int i = 0; i < 10000; i++) {
        pthread_rwlock_rdlock(&lock);
        /* Writers keep both equal while holding the lock. */
        bad += data[0] != data[1];
        pthread_rwlock_unlock(&lock);
    }
    return (void *)bad;
}

int main(void) {
    pthread_rwlock_rdlock(&lock);
    LKMC_ASSERT_EQ(run(try_read), 0);
    LKMC_ASSERT_EQ(run(try_write), EBUSY);
    pthread_rwlock_unlock(&lock);

    pthread_rwlock_wrlock(&lock);
    LKMC_ASSERT_EQ(run(try_read), EBUSY);
    pthread_rwlock_unlock(&lock);

    pthread_t w[2], r[2];
    void *bad;
    long total_bad = 0;
    for (int i = 0; i < 2; i++) {
        pthread_create(&w[i], NULL, writer, NULL);
        pthread_create(&r[i], NULL, reader, NULL);
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(w[i], NULL);
        pthread_join(r[i], &bad);
        total_bad += (long)bad;
    }
    LKMC_ASSERT_EQ(total_bad, 0);
    LKMC_ASSERT_EQ(data[0], 20000);
    puts("rwlock ok");
    return 0;
}
