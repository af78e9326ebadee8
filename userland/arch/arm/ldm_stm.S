/* LDM and STM: load or store a list of registers in one instruction. The
 * suffix says how the address moves: IA (increment after, the default), IB,
 * DA, DB (decrement before: what push is); "!" writes the final address
 * back. The lowest register always goes to the lowest address.
 *
 * Run: lkmc run --userland userland/arch/arm/ldm_stm.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, words
    ldm r0, {r1-r4}
    LKMC_ASSERT_EQ(r1, 1)
    LKMC_ASSERT_EQ(r4, 4)

    /* Writeback: r0 advances by 4 registers * 4 bytes. */
    mov r5, r0
    ldmia r5!, {r6, r7}
    sub r8, r5, r0
    LKMC_ASSERT_EQ(r8, 8)
    LKMC_ASSERT_EQ(r7, 2)

    /* stmdb sp! is push; ldmia sp! is pop. */
    mov r9, sp
    stmdb sp!, {r1-r4}
    sub r10, r9, sp
    LKMC_ASSERT_EQ(r10, 16)
    ldr r11, [sp]
    LKMC_ASSERT_EQ(r11, 1)
    ldmia sp!, {r5-r8}
    LKMC_ASSERT_EQ(r8, 4)
    sub r10, r9, sp
    LKMC_ASSERT_EQ(r10, 0)

    /* Register order in the list does not matter: lowest to lowest address. */
    sub sp, sp, #8
    mov r1, #11
    mov r2, #22
    stm sp, {r1, r2}
    ldm sp, {r3, r4}
    add sp, sp, #8
    LKMC_ASSERT_EQ(r3, 11)
    LKMC_ASSERT_EQ(r4, 22)
LKMC_EPILOGUE

.balign 4
words:
    .word 1, 2, 3, 4
