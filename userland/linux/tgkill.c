/* tgkill: send a signal to one specific thread (thread group id + thread
 * id). kill() targets the whole process and any thread not blocking the
 * signal may take it; tgkill picks the thread, so its handler runs there.
 *
 * Run: lkmc run --userland userland/linux/tgkill.c --arch aarch64
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lkmc.h>

static volatile pid_t handled_in;
static pthread_barrier_t ready, done;
static volatile pid_t worker_tid;

static void handler(int sig) {
    (void)sig;
    handled_in = gettid();
}

static void *worker(void *arg) {
    (void)arg;
    worker_tid = gettid();
    pthread_barrier_wait(&ready);
    /* Stay alive until main has checked. */
    pthread_barrier_wait(&done);
    return NULL;
}

int main(void) {
    pthread_t t;
    signal(SIGUSR1, handler);
    pthread_barrier_init(&ready, NULL, 2);
    pthread_barrier_init(&done, NULL, 2);
    pthread_create(&t, NULL, worker, NULL);
    pthread_barrier_wait(&ready);
    LKMC_SYS(syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1));
    /* Wait for the handler to run in the worker. */
    for (int i = 0; i < 5000 && !handled_in; i++)
        usleep(1000);
    LKMC_ASSERT_EQ(handled_in, worker_tid);
    LKMC_ASSERT_NE(handled_in, gettid());
    pthread_barrier_wait(&done);
    pthread_join(t, NULL);

    /* pthread_kill is the portable wrapper: here, to ourselves. */
    handled_in = 0;
    LKMC_ASSERT_EQ(pthread_kill(pthread_self(), SIGUSR1), 0);
    LKMC_ASSERT_EQ(handled_in, gettid());
    return 0;
}
