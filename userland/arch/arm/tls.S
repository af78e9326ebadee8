/* The thread pointer on arm: the read-only user thread ID register
 * TPIDRURO (CP15 c13, opcode2 3), read with mrc, set by the kernel for each
 * thread. __aeabi_read_tp is the ABI helper that returns it, and glibc's
 * thread control block lives there.
 *
 * Run: lkmc run --userland userland/arch/arm/tls.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mrc p15, 0, r4, c13, c0, 3
    cmp r4, #0
    movne r0, #1
    moveq r0, #0
    LKMC_ASSERT_EQ(r0, 1)

    bl __aeabi_read_tp
    sub r5, r0, r4
    LKMC_ASSERT_EQ(r5, 0)

    /* Another thread gets its own: read it in a new thread. */
    sub sp, sp, #8
    mov r0, sp
    mov r1, #0
    adr r2, read_tp
    mov r3, #0
    bl pthread_create
    LKMC_ASSERT_EQ(r0, 0)
    ldr r0, [sp]
    add r1, sp, #4
    bl pthread_join
    ldr r6, [sp, #4]
    add sp, sp, #8
    cmp r6, r4
    movne r0, #1
    moveq r0, #0
    LKMC_ASSERT_EQ(r0, 1)
LKMC_EPILOGUE

/* void *read_tp(void *): returns its thread pointer. */
read_tp:
    mrc p15, 0, r0, c13, c0, 3
    bx lr
