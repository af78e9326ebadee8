/* mprotect and SIGSEGV: writing to a read-only page raises SIGSEGV with the
 * faulting address in si_addr. The handler records it and siglongjmps out;
 * after mprotect makes the page writable, the same write works.
 *
 * Run: lkmc run --userland userland/posix/mprotect.c --arch aarch64
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <lkmc.h>

static sigjmp_buf env;
static void *volatile fault_addr;

static void on_segv(int sig, siginfo_t *info, void *uc) {
    (void)sig;
    (void)uc;
    fault_addr = info->si_addr;
    siglongjmp(env, 1);
}

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, (size_t)page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    LKMC_ASSERT(p != MAP_FAILED);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    LKMC_SYS(sigaction(SIGSEGV, &sa, NULL));

    /* Reading is allowed. */
    LKMC_ASSERT_EQ(p[100], 0);
    if (sigsetjmp(env, 1) == 0) {
        ((volatile char *)p)[100] = 1;
        LKMC_FAIL("write to a read-only page did not fault");
    }
    LKMC_ASSERT(fault_addr == p + 100);
    printf("SIGSEGV at %p as expected\n", fault_addr);

    LKMC_SYS(mprotect(p, (size_t)page, PROT_READ | PROT_WRITE));
    p[100] = 1;
    LKMC_ASSERT_EQ(p[100], 1);

    /* PROT_NONE: even reads fault. */
    LKMC_SYS(mprotect(p, (size_t)page, PROT_NONE));
    fault_addr = NULL;
    if (sigsetjmp(env, 1) == 0) {
        (void)((volatile char *)p)[5];
        LKMC_FAIL("read of a PROT_NONE page did not fault");
    }
    LKMC_ASSERT(fault_addr == p + 5);
    LKMC_SYS(munmap(p, (size_t)page));
    return 0;
}
