/* Thread-specific data: pthread_key_create gives a key whose value differs
 * per thread, with a destructor run at thread exit. The __thread storage
 * class does the same with compiler support.
 *
 * Run: lkmc run --userland userland/posix/pthread_key.c --arch aarch64
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include <lkmc.h>

static pthread_key_t key;
static atomic_int destructed;
static __thread int tls_counter;

static void destructor(void *p) {
    free(p);
    atomic_fetch_add(&destructed, 1);
}

static void *work(void *arg) {
    long id = (long)arg;
    long *mine = malloc(sizeof *mine);
    *mine = id;
    pthread_setspecific(key, mine);
    for (int i = 0; i < 1000; i++)
        tls_counter++;
    long seen = *(long *)pthread_getspecific(key);
    return (void *)(seen == id && tls_counter == 1000 ? 1L : 0L);
}

int main(void) {
    pthread_t t[4];
    LKMC_ASSERT_EQ(pthread_key_create(&key, destructor), 0);
    /* Never set in this thread. */
    LKMC_ASSERT(pthread_getspecific(key) == NULL);
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, work, (void *)(i + 100));
    for (int i = 0; i < 4; i++) {
        void *ok;
        pthread_join(t[i], &ok);
        LKMC_ASSERT_EQ((long)ok, 1);
    }
    LKMC_ASSERT_EQ(atomic_load(&destructed), 4);
    /* main's copy of the __thread variable was never touched. */
    LKMC_ASSERT_EQ(tls_counter, 0);
    pthread_key_delete(key);
    return 0;
}
