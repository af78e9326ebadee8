/* pthread_once: run an initialization function exactly once, however many
 * threads race to call it; all of them return only after it finished.
 *
 * Run: lkmc run --userland userland/posix/pthread_once.c --arch aarch64
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include <lkmc.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int init_calls;
static int table[256];

static void init(void) {
    atomic_fetch_add(&init_calls, 1);
    for (int i = 0; i < 256; i++)
        table[i] = i * i;
}

static void *work(void *arg) {
    (void)arg;
    pthread_once(&once, init);
    /* The initialization is complete when pthread_once returns. */
    return (void *)(long)table[255];
}

int main(void) {
    pthread_t t[8];
    for (int i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < 8; i++) {
        void *r;
        pthread_join(t[i], &r);
        LKMC_ASSERT_EQ((long)r, 255 * 255);
    }
    LKMC_ASSERT_EQ(atomic_load(&init_calls), 1);
    puts("initialized once");
    return 0;
}
