/* socketpair: two connected UNIX domain sockets, a bidirectional pipe. With
 * SOCK_DGRAM, message boundaries are kept; with SOCK_STREAM they are not.
 *
 * Run: lkmc run --userland userland/posix/socketpair.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    int sv[2];
    char buf[32];
    LKMC_SYS(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        /* Child: read a request, reply with it upper-cased. */
        close(sv[0]);
        ssize_t n = read(sv[1], buf, sizeof buf);
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] >= 'a' && buf[i] <= 'z')
                buf[i] = (char)(buf[i] - 'a' + 'A');
        if (n <= 0 || write(sv[1], buf, (size_t)n) != n)
            _exit(1);
        _exit(0);
    }
    close(sv[1]);
    LKMC_ASSERT_EQ(write(sv[0], "ping", 4), 4);
    memset(buf, 0, sizeof buf);
    LKMC_ASSERT_EQ(read(sv[0], buf, sizeof buf), 4);
    LKMC_ASSERT_STREQ(buf, "PING");
    int status;
    waitpid(pid, &status, 0);
    LKMC_ASSERT_EQ(WEXITSTATUS(status), 0);
    close(sv[0]);

    /* Datagrams: two sends are two receives. */
    LKMC_SYS(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    LKMC_ASSERT_EQ(send(sv[0], "one", 3, 0), 3);
    LKMC_ASSERT_EQ(send(sv[0], "three", 5, 0), 5);
    LKMC_ASSERT_EQ(recv(sv[1], buf, sizeof buf, 0), 3);
    LKMC_ASSERT_EQ(recv(sv[1], buf, sizeof buf, 0), 5);
    close(sv[0]);
    close(sv[1]);
    puts("socketpair ok");
    return 0;
}
