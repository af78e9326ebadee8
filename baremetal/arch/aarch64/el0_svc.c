/* el0_svc.c: run code unprivileged at EL0 and let it call back into EL1 with
 * svc: the user/kernel split of an operating system, minus memory protection.
 *
 * There is no instruction to "go to EL0": the only way down is to fake a
 * return from an exception. eret restores PSTATE from SPSR_EL1 (M[3:0] =
 * 0b0000 is EL0t: EL0 on SP_EL0) and jumps to ELR_EL1, so el0_enter below
 * sets those and SP_EL0 (EL0's own stack) and erets. EL0 code then runs
 * until an exception takes it back to EL1, through the "lower EL, AArch64"
 * vectors (VBAR_EL1 + 0x400), on SP_EL1. The handler serves two calls:
 * CALL_EL (tell EL0 the EL of the handler, as EL0 can read neither CurrentEL
 * nor any _EL1 register) and CALL_EXIT, which does not return to EL0 at all:
 * it rewrites the saved ELR_EL1 and SPSR_EL1 so that eret lands in el0_exit
 * at EL1h, back on the stack el0_enter left, and el0_enter returns to main.
 * Also checked: EL0 reading SCTLR_EL1 traps (ESR_EL1.EC 0, unknown reason).
 *
 * EL0 can print, run the program's code and use its stack because the
 * runtime's translation table gives EL0 access to RAM and devices (AP bit 6
 * set in its block descriptors, see mmu.c); a kernel would not. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

#define CALL_EL 1
#define CALL_EXIT 2

#define STR(x) #x
#define XSTR(x) STR(x)

/* uint64_t el0_enter(int (*fn)(void), void *el0_sp): run fn at EL0 on the
 * stack el0_sp, and return the status it passes to CALL_EXIT. */
uint64_t el0_enter(int (*fn)(void), void *el0_sp);
__asm__(
    ".text\n"
    ".global el0_enter\n"
    "el0_enter:\n"
    /* Everything the C caller expects preserved: EL0 will clobber them. */
    "    stp x29, x30, [sp, #-96]!\n"
    "    stp x19, x20, [sp, #16]\n"
    "    stp x21, x22, [sp, #32]\n"
    "    stp x23, x24, [sp, #48]\n"
    "    stp x25, x26, [sp, #64]\n"
    "    stp x27, x28, [sp, #80]\n"
    "    msr sp_el0, x1\n"
    /* SPSR_EL1: EL0t, DAIF clear. */
    "    msr spsr_el1, xzr\n"
    "    adr x30, el0_start\n"
    "    msr elr_el1, x30\n"
    "    eret\n"
    /* At EL0: call fn (its address still in x0), then exit with its value. */
    "el0_start:\n"
    "    blr x0\n"
    "    svc #" XSTR(CALL_EXIT) "\n"
    /* The handler never comes back after CALL_EXIT: trap if it does. */
    "    brk #0\n"
    /* The handler erets here, at EL1 with SP_EL1 as el0_enter left it. */
    ".global el0_exit\n"
    "el0_exit:\n"
    "    ldp x19, x20, [sp, #16]\n"
    "    ldp x21, x22, [sp, #32]\n"
    "    ldp x23, x24, [sp, #48]\n"
    "    ldp x25, x26, [sp, #64]\n"
    "    ldp x27, x28, [sp, #80]\n"
    "    ldp x29, x30, [sp], #96\n"
    "    ret\n"
);
extern char el0_exit[];

static uint64_t el0_stack[512] __attribute__((aligned(16)));

static volatile unsigned int el0_calls, sysreg_traps;
static volatile uint64_t call_spsr;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    /* Only exceptions from EL0 are expected. */
    if (vector != LKMC_VECTOR_SYNC_LOWER)
        return 0;
    switch (LKMC_ESR_EC(frame->esr)) {
    case LKMC_ESR_EC_SVC64:
        el0_calls++;
        call_spsr = frame->spsr;
        switch (frame->esr & 0xffff) {
        case CALL_EL:
            frame->x[0] = (LKMC_SYSREG_READ(currentel) >> 2) & 3;
            return 1;
        case CALL_EXIT:
            /* x0 stays the status: el0_enter's return value. EL1h (M =
             * 0b0101) with DAIF masked, as main runs. */
            frame->pc = (uintptr_t)el0_exit;
            frame->spsr = 0x3c5;
            return 1;
        }
        return 0;
    case 0x00: {
        /* Unknown reason: the privileged mrs. ELR_EL1 points at it; its
         * destination register Rt is in bits 4:0 (31 would be xzr). Make it
         * read as 0, and skip it. */
        uint32_t insn = *(const uint32_t *)(uintptr_t)frame->pc;

        sysreg_traps++;
        if ((insn & 0x1f) != 31)
            frame->x[insn & 0x1f] = 0;
        frame->pc += 4;
        return 1;
    }
    }
    return 0;
}

static int el0_main(void)
{
    register uint64_t x0 __asm__("x0");
    uint64_t el, sctlr = 1;

    /* Printing needs no privilege here: the runtime maps the UART for EL0. */
    puts("el0_svc: running at EL0");
    __asm__ volatile ("svc #" XSTR(CALL_EL) : "=r" (x0) : : "memory");
    /* Copy at once: x0 holds the result only right after the asm. */
    el = x0;
    printf("el0_svc: the svc handler ran at EL%llu\n", (unsigned long long)el);
    if (el != 1)
        return 1;
    /* Traps: _EL1 registers are not accessible at EL0. */
    __asm__ volatile ("mrs %0, sctlr_el1" : "=r" (sctlr));
    if (sysreg_traps != 1 || sctlr != 0) {
        printf("el0_svc: mrs sctlr_el1 at EL0 did not trap (%u traps)\n", sysreg_traps);
        return 1;
    }
    puts("el0_svc: mrs sctlr_el1 at EL0 trapped");
    return 42;
}

int main(void)
{
    uint64_t status;

    status = el0_enter(el0_main, el0_stack + sizeof(el0_stack) / sizeof(el0_stack[0]));
    printf("el0_svc: back at EL%llu, EL0 exited with %llu after %u calls, SPSR_EL1.M was 0x%llx\n",
           (unsigned long long)(LKMC_SYSREG_READ(currentel) >> 2) & 3,
           (unsigned long long)status, el0_calls, (unsigned long long)call_spsr & 0xf);
    /* 2 svcs: CALL_EL and CALL_EXIT; they came from EL0t (SPSR_EL1.M 0). */
    if (status != 42 || el0_calls != 2 || (call_spsr & 0xf) != 0 ||
        ((LKMC_SYSREG_READ(currentel) >> 2) & 3) != 1)
        return 1;
    return 0;
}
