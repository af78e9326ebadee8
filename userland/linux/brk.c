/* brk/sbrk: the program break is the end of the heap segment that follows
 * the program's data. Moving it up gives new zero-filled memory; moving it
 * down gives memory back. (malloc uses it for small allocations.)
 *
 * Nothing may call malloc between reading the break and moving it (printf
 * allocates its buffer on first use, moving the break). Built statically
 * (configs/userland.toml): QEMU 10 user mode on aarch64 places the dynamic
 * loader's first mmap right at the break of a PIE, so the heap cannot grow.
 *
 * Run: lkmc run --userland userland/linux/brk.c --arch aarch64
 */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <lkmc.h>

static int in_bss;

int main(void) {
    char *start = sbrk(0);
    /* The heap begins after .bss (possibly after a random gap). */
    LKMC_ASSERT((uintptr_t)start > (uintptr_t)&in_bss);

    char *old = sbrk(1 << 20);
    LKMC_ASSERT(old != (void *)-1);
    LKMC_ASSERT(old == start);
    LKMC_ASSERT(sbrk(0) == start + (1 << 20));
    /* The new memory is zero-filled and usable. */
    for (int i = 0; i < (1 << 20); i += 4096)
        LKMC_ASSERT_EQ(start[i], 0);
    start[0] = 1;
    start[(1 << 20) - 1] = 2;

    /* brk sets an absolute address: shrink back. */
    LKMC_SYS(brk(start));
    LKMC_ASSERT(sbrk(0) == start);
    printf("break at %p, .bss variable at %p\n", (void *)start, (void *)&in_bss);
    return 0;
}
