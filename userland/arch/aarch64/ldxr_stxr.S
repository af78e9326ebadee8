/* Exclusive load/store (load-linked / store-conditional): LDXR marks the
 * address, STXR stores only if nobody wrote it since, and reports 0 on
 * success or 1 on failure in its status register. A retry loop around them
 * makes any read-modify-write atomic. CLREX drops the mark.
 *
 * Run: lkmc run --userland userland/arch/aarch64/ldxr_stxr.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adrp x0, counter
    add x0, x0, :lo12:counter
    /* Atomic increment, 10 times. */
    mov x3, 10
1:
    ldxr x1, [x0]
    add x1, x1, 1
    stxr w2, x1, [x0]
    cbnz w2, 1b
    subs x3, x3, 1
    b.ne 1b
    ldr x4, [x0]
    LKMC_ASSERT_EQ(x4, 10)

    /* Compare-and-swap 10 -> 20 built from exclusives. */
2:
    ldxr x5, [x0]
    cmp x5, 10
    b.ne 3f
    mov x6, 20
    stxr w7, x6, [x0]
    cbnz w7, 2b
    b 4f
3:
    clrex
    LKMC_ASSERT_FAIL
4:
    ldr x8, [x0]
    LKMC_ASSERT_EQ(x8, 20)

    /* A store without a preceding ldxr fails: no reservation. */
    clrex
    mov x9, 99
    stxr w10, x9, [x0]
    LKMC_ASSERT_EQ(x10, 1)
    ldr x11, [x0]
    LKMC_ASSERT_EQ(x11, 20)
LKMC_EPILOGUE

.data
.balign 8
counter:
    .quad 0
