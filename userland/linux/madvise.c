/* madvise: hints about how memory will be used. MADV_DONTNEED on private
 * anonymous memory frees the pages at once: the next access sees fresh
 * zero-filled pages (a guaranteed effect, not just a hint). MADV_WILLNEED
 * and MADV_SEQUENTIAL are pure hints.
 *
 * Run: lkmc run --userland userland/linux/madvise.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <lkmc.h>

int main(void) {
    size_t size = 8 * 4096;
    char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    LKMC_ASSERT(p != MAP_FAILED);
    memset(p, 0x5a, size);
    LKMC_SYS(madvise(p, size, MADV_SEQUENTIAL));
    LKMC_SYS(madvise(p, size, MADV_WILLNEED));
    LKMC_ASSERT_EQ(p[0], 0x5a);

    LKMC_SYS(madvise(p + 4096, 2 * 4096, MADV_DONTNEED));
    LKMC_ASSERT_EQ(p[0], 0x5a);
    LKMC_ASSERT_EQ(p[4096], 0);
    LKMC_ASSERT_EQ(p[3 * 4096 - 1], 0);
    LKMC_ASSERT_EQ(p[3 * 4096], 0x5a);
    /* Unaligned start addresses are rejected. */
    LKMC_ASSERT_EQ(madvise(p + 1, 4096, MADV_DONTNEED), -1);
    LKMC_SYS(munmap(p, size));
    puts("madvise ok");
    return 0;
}
