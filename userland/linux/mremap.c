/* mremap: resize a mapping, moving it if needed (MREMAP_MAYMOVE). The
 * contents come along without being copied byte by byte: the page table
 * entries move. This is how glibc realloc grows huge blocks.
 *
 * Run: lkmc run --userland userland/linux/mremap.c --arch aarch64
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <lkmc.h>

int main(void) {
    size_t page = 4096;
    char *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    LKMC_ASSERT(p != MAP_FAILED);
    strcpy(p, "moved along");
    /* Occupy the page right after p, so growing in place is impossible. */
    char *blocker = mmap(p + page, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    int blocked = blocker == p + page;

    /* Without MAYMOVE, growing fails when the next page is taken. */
    if (blocked)
        LKMC_ASSERT(mremap(p, page, 16 * page, 0) == MAP_FAILED);
    char *q = mremap(p, page, 16 * page, MREMAP_MAYMOVE);
    LKMC_ASSERT(q != MAP_FAILED);
    if (blocked)
        LKMC_ASSERT(q != p);
    LKMC_ASSERT_STREQ(q, "moved along");
    /* The new part is zero-filled. */
    LKMC_ASSERT_EQ(q[15 * page], 0);
    q[15 * page] = 1;

    /* Shrinking always works in place. */
    char *r = mremap(q, 16 * page, page, 0);
    LKMC_ASSERT(r == q);
    LKMC_SYS(munmap(r, page));
    if (blocked)
        LKMC_SYS(munmap(blocker, page));
    printf("moved %p -> %p\n", (void *)p, (void *)q);
    return 0;
}
