/* fcntl: descriptor flags (FD_CLOEXEC), file status flags (O_NONBLOCK,
 * O_APPEND) and POSIX record locks (F_SETLK/F_GETLK), which are per process:
 * a child sees the parent's lock as a conflict.
 *
 * Run: lkmc run --userland userland/posix/fcntl.c --arch aarch64
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int p[2];
    char c;
    LKMC_SYS(pipe(p));
    LKMC_ASSERT_EQ(LKMC_SYS(fcntl(p[0], F_GETFD)) & FD_CLOEXEC, 0);
    LKMC_SYS(fcntl(p[0], F_SETFD, FD_CLOEXEC));
    LKMC_ASSERT(LKMC_SYS(fcntl(p[0], F_GETFD)) & FD_CLOEXEC);

    /* Non-blocking read of an empty pipe fails with EAGAIN instead of waiting. */
    int fl = LKMC_SYS(fcntl(p[0], F_GETFL));
    LKMC_SYS(fcntl(p[0], F_SETFL, fl | O_NONBLOCK));
    LKMC_ASSERT_EQ(read(p[0], &c, 1), -1);
    LKMC_ASSERT_EQ(errno, EAGAIN);

    int fd = LKMC_SYS(open("fcntl.tmp", O_CREAT | O_RDWR | O_TRUNC, 0600));
    struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
    LKMC_SYS(fcntl(fd, F_SETLK, &lk));
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 1};
        /* Conflicts with the parent's lock: F_GETLK reports the owner. */
        if (fcntl(fd, F_GETLK, &q) == -1 || q.l_type != F_WRLCK || q.l_pid != getppid())
            _exit(1);
        q.l_type = F_WRLCK;
        q.l_start = 5;
        if (fcntl(fd, F_SETLK, &q) != -1 || (errno != EAGAIN && errno != EACCES))
            _exit(2);
        /* Bytes after the locked range are free. */
        q.l_start = 20;
        if (fcntl(fd, F_SETLK, &q) == -1)
            _exit(3);
        _exit(0);
    }
    int status;
    LKMC_SYS(waitpid(pid, &status, 0));
    LKMC_ASSERT_EQ(WEXITSTATUS(status), 0);
    close(fd);
    unlink("fcntl.tmp");
    puts("fcntl ok");
    return 0;
}
