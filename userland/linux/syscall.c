/* syscall(): call any system call by number, for those glibc does not wrap
 * or to bypass the wrapper. It returns -1 and sets errno on failure, like
 * the wrappers. The numbers differ between architectures (SYS_* macros).
 *
 * Run: lkmc run --userland userland/linux/syscall.c --arch aarch64
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    LKMC_ASSERT_EQ(syscall(SYS_getpid), getpid());
    LKMC_ASSERT_EQ(syscall(SYS_gettid), gettid());
    const char msg[] = "written by syscall(SYS_write)\n";
    LKMC_ASSERT_EQ(syscall(SYS_write, STDOUT_FILENO, msg, strlen(msg)), strlen(msg));
    /* Errors: -1 and errno, not the raw negative value. */
    LKMC_ASSERT_EQ(syscall(SYS_close, -1), -1);
    LKMC_ASSERT_EQ(errno, EBADF);
    /* Numbers are per architecture, e.g. write: */
#if defined(__x86_64__)
    LKMC_ASSERT_EQ(SYS_write, 1);
#elif defined(__aarch64__)
    LKMC_ASSERT_EQ(SYS_write, 64);
#elif defined(__arm__)
    LKMC_ASSERT_EQ(SYS_write, 4);
#endif
    printf("SYS_write = %d\n", SYS_write);
    return 0;
}
