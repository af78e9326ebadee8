/* C11 atomics (stdatomic.h) with C11 threads (threads.h): several threads
 * increment a shared counter. With atomic_fetch_add the total is exact; the
 * plain counter next to it usually loses increments (not checked: it is a
 * data race and the result is not defined).
 *
 * Run: lkmc run --userland userland/c/atomics.c --arch aarch64
 */
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

#include <lkmc.h>

#define NTHREADS 4
#define NITERS 100000

static atomic_ulong atomic_counter;
static unsigned long racy_counter;

static int work(void *arg) {
    (void)arg;
    for (int i = 0; i < NITERS; i++) {
        atomic_fetch_add_explicit(&atomic_counter, 1, memory_order_relaxed);
        racy_counter++;
    }
    return 0;
}

int main(void) {
    thrd_t threads[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        LKMC_ASSERT_EQ(thrd_create(&threads[i], work, NULL), thrd_success);
    for (int i = 0; i < NTHREADS; i++)
        LKMC_ASSERT_EQ(thrd_join(threads[i], NULL), thrd_success);
    printf("atomic %lu, plain %lu, expected %lu\n",
            atomic_load(&atomic_counter), racy_counter,
            (unsigned long)NTHREADS * NITERS);
    LKMC_ASSERT_EQ(atomic_load(&atomic_counter), NTHREADS * NITERS);

    /* Compare and exchange: only succeeds if the value is the expected one;
     * on failure, expected is updated with the current value. */
    atomic_int x = 5;
    int expected = 4;
    LKMC_ASSERT(!atomic_compare_exchange_strong(&x, &expected, 10));
    LKMC_ASSERT_EQ(expected, 5);
    LKMC_ASSERT(atomic_compare_exchange_strong(&x, &expected, 10));
    LKMC_ASSERT_EQ(atomic_load(&x), 10);
    LKMC_ASSERT_EQ(atomic_exchange(&x, 1), 10);
    LKMC_ASSERT(atomic_is_lock_free(&x));
    return 0;
}
