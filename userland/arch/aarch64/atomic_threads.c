/* Atomic increments from several threads with inline assembly: an
 * LDXR/STXR retry loop and an LSE LDADD never lose an update. A plain
 * load-add-store is a race and may lose some (printed, not checked).
 *
 * Run: lkmc run --userland userland/arch/aarch64/atomic_threads.c --arch aarch64
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

#define NTHREADS 4
#define NITERS 100000

static uint64_t exclusive_counter, lse_counter, plain_counter;

static void *work(void *arg) {
    (void)arg;
    for (int i = 0; i < NITERS; i++) {
        uint64_t tmp;
        uint32_t fail;
        __asm__ __volatile__(
            "1: ldxr %0, %2\n"
            "   add %0, %0, 1\n"
            "   stxr %w1, %0, %2\n"
            "   cbnz %w1, 1b\n"
            : "=&r"(tmp), "=&r"(fail), "+Q"(exclusive_counter) : : "memory");
        __asm__ __volatile__(
            ".arch armv8.1-a\n"
            "   stadd %1, %0\n"
            : "+Q"(lse_counter) : "r"((uint64_t)1) : "memory");
        __asm__ __volatile__(
            "   ldr %0, %1\n"
            "   add %0, %0, 1\n"
            "   str %0, %1\n"
            : "=&r"(tmp), "+m"(plain_counter));
    }
    return NULL;
}

int main(void) {
    pthread_t t[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    printf("ldxr/stxr %llu, ldadd %llu, plain %llu, expected %d\n",
            (unsigned long long)exclusive_counter, (unsigned long long)lse_counter,
            (unsigned long long)plain_counter, NTHREADS * NITERS);
    LKMC_ASSERT_EQ(exclusive_counter, NTHREADS * NITERS);
    LKMC_ASSERT_EQ(lse_counter, NTHREADS * NITERS);
    LKMC_ASSERT(plain_counter <= NTHREADS * NITERS);
    return 0;
}
