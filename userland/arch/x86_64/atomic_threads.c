/* Atomic increments from several threads with inline assembly: lock xadd
 * (fetch-and-add) and a lock cmpxchg retry loop never lose an update. The
 * same increment without lock is a read-modify-write that other cores can
 * interleave with (its count is printed, not checked).
 *
 * Run: lkmc run --userland userland/arch/x86_64/atomic_threads.c --arch x86_64
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

#define NTHREADS 4
#define NITERS 100000

static uint64_t xadd_counter, cas_counter, plain_counter;

static void *work(void *arg) {
    (void)arg;
    for (int i = 0; i < NITERS; i++) {
        uint64_t one = 1;
        __asm__ __volatile__("lock xaddq %0, %1" : "+r"(one), "+m"(xadd_counter) : : "memory");

        uint64_t old = cas_counter, desired;
        do {
            desired = old + 1;
            /* On failure cmpxchg loads the current value into %rax (old). */
            __asm__ __volatile__("lock cmpxchgq %2, %1"
                    : "+a"(old), "+m"(cas_counter) : "r"(desired) : "memory", "cc");
        } while (old + 1 != desired);

        __asm__ __volatile__("addq $1, %0" : "+m"(plain_counter) : : "cc");
    }
    return NULL;
}

int main(void) {
    pthread_t t[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    printf("lock xadd %llu, lock cmpxchg %llu, no lock %llu, expected %d\n",
            (unsigned long long)xadd_counter, (unsigned long long)cas_counter,
            (unsigned long long)plain_counter, NTHREADS * NITERS);
    LKMC_ASSERT_EQ(xadd_counter, NTHREADS * NITERS);
    LKMC_ASSERT_EQ(cas_counter, NTHREADS * NITERS);
    LKMC_ASSERT(plain_counter <= NTHREADS * NITERS);
    return 0;
}
