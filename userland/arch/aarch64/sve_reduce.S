/* SVE reductions and predicates: UADDV sums the active lanes of a vector
 * into a scalar, predicated loops handle the tail, and CNTP counts active
 * lanes. Sums 1..1000 whatever the vector length.
 *
 * Run: lkmc run --userland userland/arch/aarch64/sve_reduce.S --arch aarch64
 */
#include <lkmc.h>

.arch armv8.2-a+sve

LKMC_PROLOGUE
    /* index z0.s = {1, 2, 3, ...}; step by the lane count each iteration. */
    mov x0, 0
    mov x1, 1000
    mov x2, 0
    cntw x3
    index z0.s, 1, 1
    mov z1.s, w3
    whilelo p0.s, x0, x1
1:
    uaddv d2, p0, z0.s
    fmov x4, d2
    add x2, x2, x4
    add z0.s, z0.s, z1.s
    incw x0
    whilelo p0.s, x0, x1
    b.first 1b
    LKMC_ASSERT_EQ(x2, 500500)

    /* With 1000 elements, the final predicate covers the remainder. */
    mov x5, 0
    mov x6, 3
    whilelo p1.s, x5, x6
    cntp x7, p1, p1.s
    LKMC_ASSERT_EQ(x7, 3)
LKMC_EPILOGUE
