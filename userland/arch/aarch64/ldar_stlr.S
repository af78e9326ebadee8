/* Memory ordering: LDAR (load-acquire: later accesses cannot move before it)
 * and STLR (store-release: earlier accesses cannot move after it) give
 * one-way barriers for message passing; DMB is a full barrier. Here a
 * producer thread (in C, via pthread) publishes data then a flag with
 * release; the asm consumer spins on the flag with acquire and must see
 * the data.
 *
 * Run: lkmc run --userland userland/arch/aarch64/ldar_stlr.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adrp x19, flag
    add x19, x19, :lo12:flag
    adrp x20, data
    add x20, x20, :lo12:data

    /* pthread_create(&thread, NULL, producer, NULL) */
    sub sp, sp, 16
    mov x0, sp
    mov x1, 0
    adr x2, producer
    mov x3, 0
    bl pthread_create
    LKMC_ASSERT_EQ(x0, 0)

1:
    ldar x21, [x19]
    cbz x21, 1b
    /* The acquire orders this load after the flag load. */
    ldr x22, [x20]
    LKMC_ASSERT_EQ(x22, 0x1234)

    ldr x0, [sp]
    mov x1, 0
    bl pthread_join
    add sp, sp, 16
    /* A full barrier, for completeness. */
    dmb ish
LKMC_EPILOGUE

producer:
    adrp x0, data
    add x0, x0, :lo12:data
    mov x1, 0x1234
    str x1, [x0]
    adrp x2, flag
    add x2, x2, :lo12:flag
    mov x3, 1
    /* The release orders the data store before the flag store. */
    stlr x3, [x2]
    mov x0, 0
    ret

.data
.balign 8
flag:
    .quad 0
data:
    .quad 0
