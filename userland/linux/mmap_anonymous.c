/* Anonymous mmap: memory not backed by a file. It is zero-filled and page
 * aligned; MAP_PRIVATE copies are separate after fork, MAP_SHARED ones are
 * shared between parent and child; munmap makes the range invalid again.
 *
 * Run: lkmc run --userland userland/linux/mmap_anonymous.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    size_t size = 16 * 4096;
    unsigned char *priv = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned char *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    LKMC_ASSERT(priv != MAP_FAILED);
    LKMC_ASSERT(shared != MAP_FAILED);
    LKMC_ASSERT_EQ((uintptr_t)priv % 4096, 0);
    for (size_t i = 0; i < size; i++)
        LKMC_ASSERT_EQ(priv[i], 0);

    fflush(stdout);
    pid_t pid = LKMC_SYS(fork());
    if (pid == 0) {
        priv[0] = 1;
        shared[0] = 1;
        _exit(0);
    }
    LKMC_SYS(waitpid(pid, NULL, 0));
    LKMC_ASSERT_EQ(priv[0], 0);
    LKMC_ASSERT_EQ(shared[0], 1);

    /* A hint address is only a hint, MAP_FIXED_NOREPLACE insists. */
    LKMC_SYS(munmap(priv, size));
    void *again = mmap(priv, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    LKMC_ASSERT(again == priv);
    /* Now occupied: the same request fails with EEXIST. */
    LKMC_ASSERT(mmap(priv, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED);
    LKMC_SYS(munmap(again, 4096));
    LKMC_SYS(munmap(shared, 4096));
    puts("anonymous mmap ok");
    return 0;
}
