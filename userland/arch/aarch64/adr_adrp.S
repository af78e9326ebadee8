/* Position-independent addresses: ADR gives pc + offset (+-1 MiB); ADRP
 * gives the 4 KiB page of a symbol (+-4 GiB) and :lo12: adds the offset in
 * the page. This is how PIE code and data are reached without absolute
 * addresses.
 *
 * Run: lkmc run --userland userland/arch/aarch64/adr_adrp.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr x0, here
here:
    adr x1, here
    /* Both point at the same place. */
    sub x2, x1, x0
    LKMC_ASSERT_EQ(x2, 0)

    adrp x3, variable
    /* A page address: low 12 bits clear. */
    and x4, x3, 0xfff
    LKMC_ASSERT_EQ(x4, 0)
    add x3, x3, :lo12:variable
    ldr x5, [x3]
    LKMC_ASSERT_EQ(x5, 0xcafe)

    /* Load directly with the page offset folded into the load. */
    adrp x6, variable
    ldr x7, [x6, :lo12:variable]
    LKMC_ASSERT_EQ(x7, 0xcafe)

    /* adr of the next instruction = pc. */
    adr x8, 1f
1:
    adr x9, .
    sub x9, x9, x8
    LKMC_ASSERT_EQ(x9, 0)
LKMC_EPILOGUE

.data
.balign 8
variable:
    .quad 0xcafe
