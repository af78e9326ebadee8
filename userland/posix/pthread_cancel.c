/* pthread_cancel: ask a thread to stop. With deferred cancellation it stops
 * at the next cancellation point (here pause()), runs its cleanup handlers,
 * and pthread_join returns PTHREAD_CANCELED.
 *
 * Run: lkmc run --userland userland/posix/pthread_cancel.c --arch aarch64
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

static volatile int cleaned_up;
static pthread_barrier_t started;

static void cleanup(void *arg) {
    (void)arg;
    cleaned_up = 1;
}

static void *work(void *arg) {
    (void)arg;
    pthread_cleanup_push(cleanup, NULL);
    pthread_barrier_wait(&started);
    for (;;)
        pause();
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void) {
    pthread_t t;
    void *ret;
    pthread_barrier_init(&started, NULL, 2);
    LKMC_ASSERT_EQ(pthread_create(&t, NULL, work, NULL), 0);
    pthread_barrier_wait(&started);
    LKMC_ASSERT_EQ(pthread_cancel(t), 0);
    LKMC_ASSERT_EQ(pthread_join(t, &ret), 0);
    LKMC_ASSERT(ret == PTHREAD_CANCELED);
    LKMC_ASSERT_EQ(cleaned_up, 1);
    puts("canceled");
    return 0;
}
