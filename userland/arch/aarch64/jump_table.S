/* A jump table, as a dense C switch compiles: the index selects a 32-bit
 * offset relative to the table (position independent); add it to the
 * table's address and BR there.
 *
 * Run: lkmc run --userland userland/arch/aarch64/jump_table.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov x0, 0
    bl dispatch
    LKMC_ASSERT_EQ(x0, 100)
    mov x0, 2
    bl dispatch
    LKMC_ASSERT_EQ(x0, 300)
    mov x0, 9
    bl dispatch
    LKMC_ASSERT_EQ(x0, -1)
LKMC_EPILOGUE

dispatch:
    cmp x0, 3
    b.hs .Ldefault
    adr x1, table
    ldrsw x2, [x1, x0, lsl 2]
    add x1, x1, x2
    br x1
.Lcase0:
    mov x0, 100
    ret
.Lcase1:
    mov x0, 200
    ret
.Lcase2:
    mov x0, 300
    ret
.Ldefault:
    mov x0, -1
    ret

.balign 4
table:
    .word .Lcase0 - table
    .word .Lcase1 - table
    .word .Lcase2 - table
