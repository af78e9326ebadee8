/* System registers readable from user space (EL0): TPIDR_EL0 (the thread
 * pointer, set by libc for TLS), CNTVCT_EL0 (the virtual timer count, always
 * increasing) and CNTFRQ_EL0 (its frequency in Hz, 0 under QEMU user
 * mode). Most other system
 * registers trap at EL0 (see udf.S for what a trap looks like).
 *
 * Run: lkmc run --userland userland/arch/aarch64/system_regs.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mrs x19, tpidr_el0
    /* glibc keeps the TCB at the thread pointer: it is set, and aligned. */
    cmp x19, 0
    cset x0, ne
    LKMC_ASSERT_EQ(x0, 1)
    and x1, x19, 7
    LKMC_ASSERT_EQ(x1, 0)
    /* __builtin_thread_pointer in C reads the same register. */

    /* Readable, but not checked: firmware sets it at boot, and QEMU user
     * mode, with no firmware, leaves it at 0 (its counter ticks in ns). */
    mrs x20, cntfrq_el0

    isb
    mrs x21, cntvct_el0
    ldr x0, =1000000
    bl lkmc_busy_loop
    isb
    mrs x22, cntvct_el0
    cmp x22, x21
    cset x0, hi
    LKMC_ASSERT_EQ(x0, 1)

    /* Write and read back the thread pointer (restored at once). */
    mov x2, 0x1000
    msr tpidr_el0, x2
    mrs x3, tpidr_el0
    msr tpidr_el0, x19
    LKMC_ASSERT_EQ(x3, 0x1000)
LKMC_EPILOGUE
