/* POSIX shared memory: shm_open creates a named object (a file in /dev/shm),
 * ftruncate sizes it, and MAP_SHARED mappings of it in a parent and a child
 * see each other's stores.
 *
 * Run: lkmc run --userland userland/posix/shm_open.c --arch aarch64
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    char name[64];
    snprintf(name, sizeof name, "/lkmc_shm_open_%d", (int)getpid());
    int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd == -1) {
        /* A guest without /dev/shm mounted has nowhere to put the object:
         * fall back to an anonymous shared mapping to show the sharing. */
        perror("shm_open (falling back to MAP_ANONYMOUS | MAP_SHARED)");
    } else {
        LKMC_SYS(ftruncate(fd, 4096));
    }
    volatile int *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
            fd == -1 ? MAP_SHARED | MAP_ANONYMOUS : MAP_SHARED, fd, 0);
    LKMC_ASSERT(shared != MAP_FAILED);
    shared[0] = 0;
    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        shared[0] = 42;
        _exit(0);
    }
    LKMC_SYS(waitpid(pid, NULL, 0));
    /* Unlike ordinary memory after fork, the child's store is visible. */
    LKMC_ASSERT_EQ(shared[0], 42);
    if (fd != -1) {
        close(fd);
        LKMC_SYS(shm_unlink(name));
    }
    puts("shared memory ok");
    return 0;
}
