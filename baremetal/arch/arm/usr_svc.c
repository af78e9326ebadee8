/* usr_svc.c: run code unprivileged in USR mode and let it call back into
 * SVC mode with svc: the user/kernel split of an operating system.
 *
 * USR mode (CPSR.M 0x10, PL0) cannot change the mode bits itself; the way
 * down from SVC mode is an exception return: `movs pc, lr` copies SPSR_svc
 * to the CPSR while it jumps. USR has its own sp and lr (banked: SVC mode's
 * are separate), which SYS mode (0x1f) shares, so usr_enter sets the USR
 * stack from SYS mode, puts USR mode in SPSR_svc and does that return. USR
 * code then runs until an exception takes it back to a privileged mode:
 * here svc, into SVC mode on SVC's own stack. The handler serves two calls:
 * CALL_MODE (a call with a result: the mode the handler runs in) and
 * CALL_EXIT, which does not return to USR at all: it rewrites the saved pc
 * and CPSR so that rfe lands in usr_exit in SVC mode, where sp_svc is still
 * what usr_enter left, and usr_enter returns to main.
 * Also checked: USR reading SCTLR with mrc is an undefined instruction
 * (UND vector), which the handler skips.
 *
 * USR can print, run the program's code and use its stack because the
 * runtime's translation table gives PL0 access to RAM and devices (AP[1:0]
 * 0b11 in its section descriptors, see mmu.c); a kernel would not. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

#define CALL_MODE 1
#define CALL_EXIT 2

#define STR(x) #x
#define XSTR(x) STR(x)

#define MODE_USR 0x10
#define MODE_SVC 0x13
/* SVC mode with IRQ, FIQ and asynchronous aborts masked, as main runs. */
#define CPSR_SVC_MASKED 0x1d3

/* uint32_t usr_enter(int (*fn)(void), void *usr_sp): run fn in USR mode on
 * the stack usr_sp, and return the status it passes to CALL_EXIT. */
uint32_t usr_enter(int (*fn)(void), void *usr_sp);
__asm__(
    ".text\n"
    ".arm\n"
    ".global usr_enter\n"
    "usr_enter:\n"
    /* What the C caller expects preserved, restored by usr_exit: the code
     * in between runs in USR mode and returns through the handler. */
    "    push {r4-r11, lr}\n"
    "    cps #0x1f\n"
    "    mov sp, r1\n"
    "    cps #0x13\n"
    /* USR mode, ARM state, interrupts unmasked. */
    "    mov r2, #" XSTR(MODE_USR) "\n"
    "    msr spsr_cxsf, r2\n"
    "    adr lr, usr_start\n"
    "    movs pc, lr\n"
    /* In USR mode: call fn (its address still in r0), exit with its value. */
    "usr_start:\n"
    "    blx r0\n"
    "    svc #" XSTR(CALL_EXIT) "\n"
    /* The handler never comes back after CALL_EXIT: trap if it does. */
    "    udf #0\n"
    /* The handler returns here, in SVC mode on the stack usr_enter used. */
    ".global usr_exit\n"
    "usr_exit:\n"
    "    pop {r4-r11, pc}\n"
);
extern char usr_exit[];

static uint64_t usr_stack[512] __attribute__((aligned(8)));

static volatile unsigned int usr_calls, cp15_traps;
static volatile uint32_t call_cpsr;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t insn, cpsr;

    /* Only exceptions from USR mode are expected. */
    if ((frame->cpsr & 0x1f) != MODE_USR)
        return 0;
    /* For svc and undef, the instruction before the return address. */
    insn = *(const uint32_t *)(uintptr_t)(frame->pc - 4);
    if (vector == LKMC_VECTOR_SVC) {
        usr_calls++;
        call_cpsr = frame->cpsr;
        switch (insn & 0xffffff) {
        case CALL_MODE:
            __asm__ volatile ("mrs %0, cpsr" : "=r" (cpsr));
            frame->r[0] = cpsr & 0x1f;
            return 1;
        case CALL_EXIT:
            /* r0 stays the status: usr_enter's return value. */
            frame->pc = (uintptr_t)usr_exit;
            frame->cpsr = CPSR_SVC_MASKED;
            return 1;
        }
        return 0;
    }
    /* mrc p15: cond 1110 opc1 1 CRn Rt 1111 opc2 1 CRm. Make it read 0 into
     * its Rt (bits 15:12); the return address is already past it. */
    if (vector == LKMC_VECTOR_UNDEF && (insn & 0x0f100f10) == 0x0e100f10) {
        unsigned int rt = (insn >> 12) & 0xf;

        cp15_traps++;
        if (rt < 13)
            frame->r[rt] = 0;
        return 1;
    }
    return 0;
}

static int usr_main(void)
{
    register uint32_t r0 __asm__("r0");
    uint32_t mode, sctlr = 1, cpsr;

    __asm__ volatile ("mrs %0, cpsr" : "=r" (cpsr));
    printf("usr_svc: running in mode 0x%02lx\n", (unsigned long)cpsr & 0x1f);
    if ((cpsr & 0x1f) != MODE_USR)
        return 1;
    __asm__ volatile ("svc #" XSTR(CALL_MODE) : "=r" (r0) : : "memory", "lr");
    /* Copy at once: r0 holds the result only right after the asm. */
    mode = r0;
    printf("usr_svc: the svc handler ran in mode 0x%02lx\n", (unsigned long)mode);
    if (mode != MODE_SVC)
        return 1;
    /* Undefined in USR mode: CP15 system registers are PL1 only. */
    __asm__ volatile ("mrc p15, 0, %0, c1, c0, 0" : "=r" (sctlr));
    if (cp15_traps != 1 || sctlr != 0) {
        printf("usr_svc: mrc of SCTLR in USR mode did not trap (%u traps)\n", cp15_traps);
        return 1;
    }
    puts("usr_svc: mrc of SCTLR in USR mode trapped");
    return 42;
}

int main(void)
{
    uint32_t status, cpsr;

    status = usr_enter(usr_main, usr_stack + sizeof(usr_stack) / sizeof(usr_stack[0]));
    __asm__ volatile ("mrs %0, cpsr" : "=r" (cpsr));
    printf("usr_svc: back in mode 0x%02lx, USR exited with %lu after %u calls from mode 0x%02lx\n",
           (unsigned long)cpsr & 0x1f, (unsigned long)status, usr_calls,
           (unsigned long)call_cpsr & 0x1f);
    if (status != 42 || usr_calls != 2 || (call_cpsr & 0x1f) != MODE_USR ||
        (cpsr & 0x1f) != MODE_SVC)
        return 1;
    return 0;
}
