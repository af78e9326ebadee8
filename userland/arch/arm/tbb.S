/* TBB (table branch byte, Thumb-2): branch forward by twice a byte read from
 * a table indexed by a register: a compact switch. The table follows the
 * instruction; offsets are in half-words from the end of the tbb.
 *
 * Run: lkmc run --userland userland/arch/arm/tbb.S --arch arm
 */
#include <lkmc.h>

.thumb

LKMC_PROLOGUE
    movs r0, #0
    bl dispatch
    LKMC_ASSERT_EQ(r0, 100)
    movs r0, #2
    bl dispatch
    LKMC_ASSERT_EQ(r0, 300)
    movs r0, #1
    bl dispatch
    LKMC_ASSERT_EQ(r0, 200)
LKMC_EPILOGUE

.type dispatch, %function
dispatch:
    tbb [pc, r0]
.Ltable:
    .byte (.Lcase0 - .Ltable) / 2
    .byte (.Lcase1 - .Ltable) / 2
    .byte (.Lcase2 - .Ltable) / 2
    .balign 2
.Lcase0:
    movs r0, #100
    bx lr
.Lcase1:
    movs r0, #200
    bx lr
.Lcase2:
    movw r0, #300
    bx lr
