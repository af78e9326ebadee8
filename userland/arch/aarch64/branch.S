/* Branches: B (unconditional, +-128 MiB), B.cond after a flag-setting
 * instruction (signed: lt/gt/le/ge; unsigned: lo/hi/ls/hs), and BR to an
 * address in a register.
 *
 * Run: lkmc run --userland userland/arch/aarch64/branch.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0
    b 1f
    mov x0, 1
1:
    LKMC_ASSERT_EQ(x0, 0)

    mov x1, -1
    mov x2, 1
    cmp x1, x2
    /* Signed: -1 < 1. */
    b.lt 2f
    LKMC_ASSERT_FAIL
2:
    cmp x1, x2
    /* Unsigned: 0xffff...ffff > 1. */
    b.hi 3f
    LKMC_ASSERT_FAIL
3:
    cmp x2, x2
    b.ne 4f
    b 5f
4:
    LKMC_ASSERT_FAIL
5:
    /* Indirect branch. */
    adr x3, 6f
    br x3
    LKMC_ASSERT_FAIL
6:
    /* Not taken: falls through. */
    mov x4, 0
    cmp x2, 5
    b.gt 7f
    mov x4, 1
7:
    LKMC_ASSERT_EQ(x4, 1)
LKMC_EPILOGUE
