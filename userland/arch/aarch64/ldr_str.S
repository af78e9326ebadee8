/* Loads and stores of every size: LDR/STR (64 and 32 bits), LDRH/STRH,
 * LDRB/STRB, and the sign-extending loads LDRSB, LDRSH, LDRSW. aarch64 is a
 * load/store architecture: arithmetic only works on registers.
 *
 * Run: lkmc run --userland userland/arch/aarch64/ldr_str.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr x0, data
    ldr x1, [x0]
    LKMC_ASSERT_EQ(x1, 0x8877665544332211)
    ldr w2, [x0]
    LKMC_ASSERT_EQ(x2, 0x44332211)
    ldrh w3, [x0]
    LKMC_ASSERT_EQ(x3, 0x2211)
    ldrb w4, [x0, 7]
    LKMC_ASSERT_EQ(x4, 0x88)

    /* Sign extension: 0x88 is negative as a byte. */
    ldrsb x5, [x0, 7]
    LKMC_ASSERT_EQ(x5, 0xffffffffffffff88)
    ldrsh x6, [x0, 6]
    LKMC_ASSERT_EQ(x6, 0xffffffffffff8877)
    ldrsw x7, [x0, 4]
    LKMC_ASSERT_EQ(x7, 0xffffffff88776655)

    /* Store to writable memory, then load back. */
    adrp x9, buffer
    add x9, x9, :lo12:buffer
    mov x10, -1
    str x10, [x9]
    strb wzr, [x9]
    strh wzr, [x9, 6]
    ldr x11, [x9]
    LKMC_ASSERT_EQ(x11, 0x0000ffffffffff00)
LKMC_EPILOGUE

.section .rodata
/* adr reaches +-1 MiB, so a nearby .rodata label is fine. */
.balign 8
data:
    .quad 0x8877665544332211

.bss
.balign 8
buffer:
    .skip 16
