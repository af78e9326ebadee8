/* pthread_barrier: no thread passes pthread_barrier_wait until all N have
 * arrived. Exactly one of them gets PTHREAD_BARRIER_SERIAL_THREAD.
 *
 * Run: lkmc run --userland userland/posix/pthread_barrier.c --arch aarch64
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include <lkmc.h>

#define N 4
#define ROUNDS 50

static pthread_barrier_t barrier;
static atomic_int arrived;
static atomic_int serial;
static int errors;

static void *work(void *arg) {
    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        atomic_fetch_add(&arrived, 1);
        int ret = pthread_barrier_wait(&barrier);
        /* Everybody arrived for this round before anyone got here. */
        if (atomic_load(&arrived) < (r + 1) * N)
            __atomic_fetch_add(&errors, 1, __ATOMIC_SEQ_CST);
        if (ret == PTHREAD_BARRIER_SERIAL_THREAD)
            atomic_fetch_add(&serial, 1);
        else if (ret != 0)
            __atomic_fetch_add(&errors, 1, __ATOMIC_SEQ_CST);
        /* Second barrier so nobody starts the next round early. */
        pthread_barrier_wait(&barrier);
    }
    return NULL;
}

int main(void) {
    pthread_t t[N];
    LKMC_ASSERT_EQ(pthread_barrier_init(&barrier, NULL, N), 0);
    for (int i = 0; i < N; i++)
        LKMC_ASSERT_EQ(pthread_create(&t[i], NULL, work, NULL), 0);
    for (int i = 0; i < N; i++)
        LKMC_ASSERT_EQ(pthread_join(t[i], NULL), 0);
    LKMC_ASSERT_EQ(errors, 0);
    LKMC_ASSERT_EQ(atomic_load(&serial), ROUNDS);
    LKMC_ASSERT_EQ(pthread_barrier_destroy(&barrier), 0);
    printf("%d rounds of %d threads\n", ROUNDS, N);
    return 0;
}
