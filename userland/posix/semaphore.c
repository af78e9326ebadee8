/* POSIX unnamed semaphores (sem_t): a counter that sem_wait decrements
 * (blocking at zero) and sem_post increments. With an initial value of 2,
 * at most two threads are ever inside the guarded section.
 *
 * Run: lkmc run --userland userland/posix/semaphore.c --arch aarch64
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>

#include <lkmc.h>

static sem_t sem;
static atomic_int inside, max_inside;

static void *work(void *arg) {
    (void)arg;
    for (int i = 0; i < 2000; i++) {
        sem_wait(&sem);
        int now = atomic_fetch_add(&inside, 1) + 1;
        int m = atomic_load(&max_inside);
        while (now > m && !atomic_compare_exchange_weak(&max_inside, &m, now)) {}
        atomic_fetch_sub(&inside, 1);
        sem_post(&sem);
    }
    return NULL;
}

int main(void) {
    int v;
    LKMC_SYS(sem_init(&sem, 0, 2));
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("at most %d threads were inside at once\n", atomic_load(&max_inside));
    LKMC_ASSERT(atomic_load(&max_inside) <= 2);
    LKMC_ASSERT(atomic_load(&max_inside) >= 1);

    LKMC_SYS(sem_getvalue(&sem, &v));
    LKMC_ASSERT_EQ(v, 2);
    LKMC_SYS(sem_wait(&sem));
    LKMC_SYS(sem_wait(&sem));
    /* Now at zero: trywait fails instead of blocking. */
    LKMC_ASSERT_EQ(sem_trywait(&sem), -1);
    LKMC_ASSERT_EQ(errno, EAGAIN);
    LKMC_SYS(sem_destroy(&sem));
    return 0;
}
