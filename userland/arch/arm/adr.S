/* Addresses without absolute relocations (needed in a PIE): ADR for labels
 * in the same section (pc + offset), and for other sections (writable
 * .data) the GCC PIC idiom wrapped in LKMC_ADR: a literal holding
 * "symbol - (anchor + 8)", added to pc at the anchor.
 *
 * Run: lkmc run --userland userland/arch/arm/adr.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, constant
    ldr r1, [r0]
    LKMC_ASSERT_EQ(r1, 0xc0ffee)

    LKMC_ADR(r2, variable)
    ldr r3, [r2]
    LKMC_ASSERT_EQ(r3, 7)
    /* It is writable. */
    mov r4, #8
    str r4, [r2]
    LKMC_ADR(r5, variable)
    ldr r6, [r5]
    LKMC_ASSERT_EQ(r6, 8)
    sub r7, r5, r2
    LKMC_ASSERT_EQ(r7, 0)
LKMC_EPILOGUE

constant:
    .word 0xc0ffee

.data
.balign 4
variable:
    .word 7
