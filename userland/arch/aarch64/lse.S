/* ARMv8.1 Large System Extensions: single-instruction atomics that scale
 * better than LDXR/STXR loops. CAS (compare and swap: the compare register
 * receives the old value), LDADD (fetch-and-add), SWP (exchange), STADD (add,
 * no result), LDSET/LDCLR (fetch-and-or / and-not). A/L suffixes add
 * acquire/release. QEMU's default user-mode CPU ("max") has them.
 *
 * Run: lkmc run --userland userland/arch/aarch64/lse.S --arch aarch64
 */
#include <lkmc.h>

.arch armv8.1-a

LKMC_PROLOGUE
    adrp x0, value
    add x0, x0, :lo12:value

    /* value = 5; cas(expected 5 -> 7) succeeds: x1 gets the old 5. */
    mov x9, 5
    str x9, [x0]
    mov x1, 5
    mov x2, 7
    casal x1, x2, [x0]
    LKMC_ASSERT_EQ(x1, 5)
    ldr x3, [x0]
    LKMC_ASSERT_EQ(x3, 7)

    /* cas(expected 5 -> 9) fails: memory unchanged, x1 gets 7. */
    mov x1, 5
    mov x2, 9
    casal x1, x2, [x0]
    LKMC_ASSERT_EQ(x1, 7)
    ldr x3, [x0]
    LKMC_ASSERT_EQ(x3, 7)

    /* fetch-and-add */
    mov x4, 10
    ldaddal x4, x5, [x0]
    LKMC_ASSERT_EQ(x5, 7)
    ldr x3, [x0]
    LKMC_ASSERT_EQ(x3, 17)

    stadd x4, [x0]
    ldr x3, [x0]
    LKMC_ASSERT_EQ(x3, 27)

    mov x6, 100
    swpal x6, x7, [x0]
    LKMC_ASSERT_EQ(x7, 27)
    ldr x3, [x0]
    LKMC_ASSERT_EQ(x3, 100)

    /* Atomic bit set and clear. */
    mov x8, 0x3
    ldset x8, x7, [x0]
    ldr x3, [x0]
    LKMC_ASSERT_EQ(x3, 103)
    mov x8, 0x60
    ldclr x8, x7, [x0]
    ldr x3, [x0]
    LKMC_ASSERT_EQ(x3, 7)
LKMC_EPILOGUE

.data
.balign 8
value:
    .quad 0
