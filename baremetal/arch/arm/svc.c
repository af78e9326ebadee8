/* svc.c: the supervisor call, svc #imm (formerly swi), the instruction
 * system calls are made with, here from SVC mode to SVC mode to see the
 * mechanism alone.
 *
 * svc switches to SVC mode, saves the return address (the instruction after
 * the svc) in lr_svc and the CPSR in SPSR_svc, and jumps to VBAR + 0x08. The
 * runtime's entry saves them and r0-r12 in a struct lkmc_frame, calls
 * lkmc_exception() and returns with rfe, which reloads the CPSR from the
 * frame. Unlike AArch64's ESR_EL1, nothing reports the immediate: the
 * handler reads the svc instruction itself, at the return address minus 4
 * (in ARM state; Thumb's 16-bit svc would be at minus 2), and takes bits
 * 23:0. Arguments come in the caller's r0, r1, ... and the result goes back
 * by changing the saved r0. An svc from SVC mode overwrites lr_svc, so the
 * caller must treat lr as clobbered (the "lr" in the asm below). Linux uses
 * svc #0 with the call number in r7; here the immediate selects the call,
 * to show where it is found. QEMU -semihosting intercepts svc #0x123456, so
 * that one is not used. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* The calls this "kernel" offers, by svc immediate. */
#define CALL_ADD 0x10
#define CALL_MUL 0x11

#define STR(x) #x
#define XSTR(x) STR(x)

/* Mode bits of the CPSR. */
#define MODE_SVC 0x13

static volatile unsigned int calls;
static volatile uint32_t seen_imm, seen_pc, seen_cpsr;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t insn;

    if (vector != LKMC_VECTOR_SVC)
        return 0;
    insn = *(const uint32_t *)(uintptr_t)(frame->pc - 4);
    /* svc: cond 1111 imm24. */
    if ((insn & 0x0f000000) != 0x0f000000)
        return 0;
    calls++;
    seen_imm = insn & 0xffffff;
    seen_pc = frame->pc;
    seen_cpsr = frame->cpsr;
    switch (seen_imm) {
    case CALL_ADD:
        frame->r[0] = frame->r[0] + frame->r[1];
        break;
    case CALL_MUL:
        frame->r[0] = frame->r[0] * frame->r[1];
        break;
    default:
        frame->r[0] = -1;
    }
    /* frame->pc already points after the svc: resume there. */
    return 1;
}

/* The immediate is part of the instruction, so each call is its own asm.
 * after is the address of the instruction following the svc, where the
 * handler must find the return address. */
#define SVC(imm, a, b, after) ({ \
    register uint32_t r0 __asm__("r0") = (a); \
    register uint32_t r1 __asm__("r1") = (b); \
    __asm__ volatile ("adr %1, 1f\n\tsvc #" XSTR(imm) "\n1:" \
                      : "+r" (r0), "=&r" (after) : "r" (r1) : "memory", "lr"); \
    r0; \
})

int main(void)
{
    int fails = 0;
    uint32_t after, r;

    r = SVC(CALL_ADD, 40, 2, after);
    printf("svc: svc #0x%lx (add 40, 2) returned %lu, return address 0x%lx, SPSR_svc 0x%lx\n",
           (unsigned long)seen_imm, (unsigned long)r, (unsigned long)seen_pc,
           (unsigned long)seen_cpsr);
    if (r != 42 || seen_imm != CALL_ADD || seen_pc != after) {
        printf("svc: expected 42 from call 0x%x returning to 0x%lx\n", CALL_ADD,
               (unsigned long)after);
        fails++;
    }
    /* The svc came from SVC mode, ARM state (T, bit 5, clear). */
    if ((seen_cpsr & 0x1f) != MODE_SVC || (seen_cpsr & (1 << 5))) {
        puts("svc: SPSR_svc does not say SVC mode, ARM state");
        fails++;
    }

    r = SVC(CALL_MUL, 6, 7, after);
    printf("svc: svc #0x%lx (mul 6, 7) returned %lu\n", (unsigned long)seen_imm, (unsigned long)r);
    if (r != 42 || seen_imm != CALL_MUL || seen_pc != after) {
        puts("svc: mul call went wrong");
        fails++;
    }
    if (calls != 2) {
        printf("svc: handler ran %u times, expected 2\n", calls);
        fails++;
    }
    return fails != 0;
}
