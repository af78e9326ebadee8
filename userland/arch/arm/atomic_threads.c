/* Atomic increments from several threads with inline assembly: an
 * LDREX/STREX loop never loses an update; a plain load/add/store may
 * (printed, not checked). DMB around the loop gives sequential consistency
 * like GCC's __atomic_fetch_add(SEQ_CST).
 *
 * Run: lkmc run --userland userland/arch/arm/atomic_threads.c --arch arm
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

#define NTHREADS 4
#define NITERS 100000

static uint32_t exclusive_counter, plain_counter;

static void *work(void *arg) {
    (void)arg;
    for (int i = 0; i < NITERS; i++) {
        uint32_t tmp, fail;
        __asm__ __volatile__(
            "   dmb ish\n"
            "1: ldrex %0, [%2]\n"
            "   add %0, %0, #1\n"
            "   strex %1, %0, [%2]\n"
            "   cmp %1, #0\n"
            "   bne 1b\n"
            "   dmb ish\n"
            : "=&r"(tmp), "=&r"(fail) : "r"(&exclusive_counter) : "memory", "cc");
        __asm__ __volatile__(
            "   ldr %0, %1\n"
            "   add %0, %0, #1\n"
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
    printf("ldrex/strex %u, plain %u, expected %d\n",
            (unsigned)exclusive_counter, (unsigned)plain_counter, NTHREADS * NITERS);
    LKMC_ASSERT_EQ(exclusive_counter, NTHREADS * NITERS);
    LKMC_ASSERT(plain_counter <= NTHREADS * NITERS);
    return 0;
}
