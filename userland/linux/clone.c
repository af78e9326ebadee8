/* clone: the system call behind both fork and pthread_create; its flags say
 * what parent and child share.
 *
 * 1. Raw clone(SIGCHLD) with no new stack: exactly fork (separate memory).
 * 2. glibc's clone() wrapper with the thread flags (CLONE_VM, CLONE_THREAD,
 *    ...) and a stack we allocate: the child shares our memory, and the
 *    kernel clears and futex-wakes the CLONE_CHILD_CLEARTID word when it
 *    exits, which is how pthread_join waits. (QEMU user mode only supports
 *    CLONE_VM together with this full set of thread flags.)
 *
 * Run: lkmc run --userland userland/linux/clone.c --arch aarch64
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

static volatile int shared_value;
static _Atomic pid_t child_tid;

static int thread_fn(void *arg) {
    /* No libc calls here: this thread has no TLS of its own. */
    shared_value = *(int *)arg;
    return 0;
}

int main(void) {
    /* 1: fork through the raw system call. */
    shared_value = 1;
    fflush(stdout);
    long pid = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
    LKMC_ASSERT(pid != -1);
    if (pid == 0) {
        shared_value = 2;
        _exit(shared_value == 2 ? 0 : 1);
    }
    int status;
    LKMC_SYS(waitpid((pid_t)pid, &status, 0));
    LKMC_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    LKMC_ASSERT_EQ(shared_value, 1);

    /* 2: a thread by hand. */
    size_t stack_size = 64 * 1024;
    char *stack = malloc(stack_size);
    LKMC_ASSERT(stack != NULL);
    int arg = 42;
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
        CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
    /* The stack grows down: pass its top. */
    pid_t tid = LKMC_SYS(clone(thread_fn, stack + stack_size, flags, &arg,
            &child_tid, NULL, &child_tid));
    LKMC_ASSERT(tid > 0);
    /* Wait until the kernel zeroes child_tid at the thread's exit. */
    pid_t cur;
    while ((cur = atomic_load(&child_tid)) != 0)
        syscall(SYS_futex, &child_tid, FUTEX_WAIT, cur, NULL, NULL, 0);
    LKMC_ASSERT_EQ(shared_value, 42);
    printf("thread %d wrote %d into our memory\n", (int)tid, shared_value);
    free(stack);
    return 0;
}
