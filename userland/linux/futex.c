/* futex: the kernel primitive under every pthread mutex and condition
 * variable. FUTEX_WAIT sleeps only if the word still holds the expected
 * value (else EAGAIN at once); FUTEX_WAKE wakes sleepers. Two threads here
 * hand a token back and forth 1000 times.
 *
 * Run: lkmc run --userland userland/linux/futex.c --arch aarch64
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <lkmc.h>

#define ROUNDS 1000

static atomic_int turn;  /* 0: main's turn, 1: the other thread's */

static long futex(atomic_int *uaddr, int op, int val, const struct timespec *timeout) {
    return syscall(SYS_futex, uaddr, op, val, timeout, NULL, 0);
}

static void wait_for(int want) {
    int v;
    while ((v = atomic_load(&turn)) != want)
        /* Sleeps only if turn is still v when the kernel checks. */
        futex(&turn, FUTEX_WAIT_PRIVATE, v, NULL);
}

static void give(int to) {
    atomic_store(&turn, to);
    futex(&turn, FUTEX_WAKE_PRIVATE, 1, NULL);
}

static void *other(void *arg) {
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        wait_for(1);
        give(0);
    }
    return NULL;
}

int main(void) {
    atomic_int word = 5;
    struct timespec ts = {0, 10 * 1000 * 1000};

    /* Wrong expected value: returns immediately. */
    LKMC_ASSERT_EQ(futex(&word, FUTEX_WAIT_PRIVATE, 4, NULL), -1);
    LKMC_ASSERT_EQ(errno, EAGAIN);
    /* Right value, nobody wakes us: the 10 ms timeout expires. */
    LKMC_ASSERT_EQ(futex(&word, FUTEX_WAIT_PRIVATE, 5, &ts), -1);
    LKMC_ASSERT_EQ(errno, ETIMEDOUT);
    /* Waking with no waiters wakes nobody. */
    LKMC_ASSERT_EQ(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL), 0);

    pthread_t t;
    pthread_create(&t, NULL, other, NULL);
    for (int i = 0; i < ROUNDS; i++) {
        give(1);
        wait_for(0);
    }
    pthread_join(t, NULL);
    printf("%d round trips through futexes\n", ROUNDS);
    return 0;
}
