/* A jump table in ARM state: "ldr pc, [pc, r0, lsl #2]" loads the target
 * straight into pc. The table holds offsets relative to itself (position
 * independent), so here we load the offset and add the table address.
 *
 * Run: lkmc run --userland userland/arch/arm/jump_table.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #0
    bl dispatch
    LKMC_ASSERT_EQ(r0, 100)
    mov r0, #2
    bl dispatch
    LKMC_ASSERT_EQ(r0, 300)
    mov r0, #9
    bl dispatch
    LKMC_ASSERT_EQ(r0, -1)
LKMC_EPILOGUE

dispatch:
    cmp r0, #3
    mvnhs r0, #0
    bxhs lr
    adr r1, table
    ldr r2, [r1, r0, lsl #2]
    add pc, r1, r2
.Lcase0:
    mov r0, #100
    bx lr
.Lcase1:
    mov r0, #200
    bx lr
.Lcase2:
    movw r0, #300
    bx lr

table:
    .word .Lcase0 - table
    .word .Lcase1 - table
    .word .Lcase2 - table
