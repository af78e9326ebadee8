/* pthread_self [N]: each of N threads (default 2) prints its pthread_t and
 * its kernel thread id (gettid). Both differ between threads; the main
 * thread's tid equals the pid.
 *
 * Run: lkmc run --userland userland/posix/pthread_self.c --arch aarch64 --cli-args 3
 */
#define _GNU_SOURCE /* gettid */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <lkmc.h>

struct info {
    pthread_t self;
    pid_t tid;
};

static void *work(void *arg) {
    struct info *i = arg;
    i->self = pthread_self();
    i->tid = gettid();
    printf("thread self=%#lx tid=%d\n", (unsigned long)i->self, (int)i->tid);
    return NULL;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 2;
    LKMC_ASSERT(n >= 1 && n <= 64);
    pthread_t t[64];
    struct info info[64];
    LKMC_ASSERT_EQ(gettid(), getpid());
    printf("main   self=%#lx tid=%d\n", (unsigned long)pthread_self(), (int)gettid());
    for (int i = 0; i < n; i++)
        LKMC_ASSERT_EQ(pthread_create(&t[i], NULL, work, &info[i]), 0);
    for (int i = 0; i < n; i++) {
        pthread_join(t[i], NULL);
        /* What the thread saw as itself is what pthread_create returned. */
        LKMC_ASSERT(pthread_equal(info[i].self, t[i]));
        LKMC_ASSERT(!pthread_equal(info[i].self, pthread_self()));
        LKMC_ASSERT_NE(info[i].tid, getpid());
        for (int j = 0; j < i; j++)
            LKMC_ASSERT_NE(info[i].tid, info[j].tid);
    }
    return 0;
}
