/* SVE (Scalable Vector Extension): vector length agnostic code. The vector
 * length is chosen by the CPU (QEMU's "max" CPU: up to 2048 bits; Linux
 * gives user space a default length); CNTW says how many 32-bit lanes there
 * are, WHILELO builds a predicate of the lanes still inside the array, and
 * the same loop works for any vector length. Needs an SVE CPU (HWCAP_SVE).
 *
 * Run: lkmc run --userland userland/arch/aarch64/sve.S --arch aarch64
 */
#include <lkmc.h>

.arch armv8.2-a+sve

LKMC_PROLOGUE
    /* The vector length in bytes is a multiple of 16 (128 bits). */
    cntb x0
    and x1, x0, 15
    LKMC_ASSERT_EQ(x1, 0)
    cbz x0, 9f

    /* c[i] = a[i] + b[i] for 19 elements (not a multiple of any length). */
    adr x2, a
    adr x3, b
    adrp x4, c
    add x4, x4, :lo12:c
    mov x5, 0
    mov x6, 19
    whilelo p0.s, x5, x6
1:
    ld1w {z0.s}, p0/z, [x2, x5, lsl 2]
    ld1w {z1.s}, p0/z, [x3, x5, lsl 2]
    add z2.s, z0.s, z1.s
    st1w {z2.s}, p0, [x4, x5, lsl 2]
    incw x5
    whilelo p0.s, x5, x6
    b.first 1b

    adr x7, expected
    LKMC_ASSERT_MEMCMP(x4, x7, 76)
    /* The element after the array was not written by the predicated store. */
    ldr w8, [x4, 76]
    LKMC_ASSERT_EQ(x8, 0)
9:
LKMC_EPILOGUE

.balign 16
a:
    .word 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18
b:
    .word 100, 100, 100, 100, 100, 100, 100, 100, 100, 100
    .word 100, 100, 100, 100, 100, 100, 100, 100, 100
expected:
    .word 100, 101, 102, 103, 104, 105, 106, 107, 108, 109
    .word 110, 111, 112, 113, 114, 115, 116, 117, 118

.bss
.balign 16
c:
    .skip 80
