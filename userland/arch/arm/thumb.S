/* Thumb-2: the 16/32-bit mixed-length encoding of the same instruction set,
 * denser than ARM's fixed 32 bits. ARM and Thumb code call each other with
 * BLX/BX: bit 0 of a target address selects Thumb state. main here is ARM
 * code calling a Thumb function and back.
 *
 * Run: lkmc run --userland userland/arch/arm/thumb.S --arch arm
 */
#include <lkmc.h>

.arm
LKMC_PROLOGUE
    mov r0, #20
    bl thumb_times3
    LKMC_ASSERT_EQ(r0, 60)

    /* The address of a Thumb function has bit 0 set: the linker puts it
     * in this pc-relative literal too. blx through a register switches
     * state by it. */
    adr r6, thumb_offset
    ldr r4, [r6]
    add r4, r4, r6
    and r5, r4, #1
    LKMC_ASSERT_EQ(r5, 1)
    mov r0, #5
    blx r4
    LKMC_ASSERT_EQ(r0, 15)

    /* The same function is 16-bit encoded: measure its size. */
    adr r6, size_word
    ldr r7, [r6]
    LKMC_ASSERT_EQ(r7, 6)
LKMC_EPILOGUE

thumb_offset:
    .word thumb_times3 - thumb_offset
size_word:
    .word thumb_end - thumb_start

.thumb
.type thumb_times3, %function
thumb_times3:
thumb_start:
    /* Three 16-bit instructions. */
    lsls r1, r0, #1
    adds r0, r0, r1
    bx lr
thumb_end:
