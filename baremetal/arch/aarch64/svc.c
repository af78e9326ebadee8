/* svc.c: the supervisor call, svc #imm, the instruction system calls are
 * made with, here from EL1 to EL1 to see the mechanism alone.
 *
 * svc is a synchronous exception: the CPU saves the return address (the
 * instruction after the svc) in ELR_EL1 and PSTATE in SPSR_EL1, writes the
 * cause to ESR_EL1 (EC, bits 31:26, is 0x15 for an svc from AArch64; ISS
 * bits 15:0 hold the immediate) and jumps to VBAR_EL1 + 0x200 (synchronous,
 * current EL, SP_ELx). The runtime's entry saves x0-x30 in a struct
 * lkmc_frame and calls lkmc_exception(); eret then reloads PSTATE from
 * SPSR_EL1 and jumps to ELR_EL1. So the handler receives arguments in the
 * caller's x0, x1, ... and returns a result by changing the saved x0, as
 * Linux does with the immediate always 0 and the call number in x8. Here the
 * immediate selects the call instead, to show where it is found. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* The calls this "kernel" offers, by svc immediate. */
#define CALL_ADD 0x10
#define CALL_MUL 0x11

#define STR(x) #x
#define XSTR(x) STR(x)

static volatile unsigned int calls;
static volatile uint64_t seen_imm, seen_pc, seen_spsr;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    if (vector != LKMC_VECTOR_SYNC_SPX || LKMC_ESR_EC(frame->esr) != LKMC_ESR_EC_SVC64)
        return 0;
    calls++;
    seen_imm = frame->esr & 0xffff;
    seen_pc = frame->pc;
    seen_spsr = frame->spsr;
    switch (seen_imm) {
    case CALL_ADD:
        frame->x[0] = frame->x[0] + frame->x[1];
        break;
    case CALL_MUL:
        frame->x[0] = frame->x[0] * frame->x[1];
        break;
    default:
        frame->x[0] = -1;
    }
    /* ELR_EL1 already points after the svc: resume there. */
    return 1;
}

/* The immediate is part of the instruction, so each call is its own asm.
 * after is the address of the instruction following the svc, where the
 * handler must find ELR_EL1 pointing. */
#define SVC(imm, a, b, after) ({ \
    register uint64_t x0 __asm__("x0") = (a); \
    register uint64_t x1 __asm__("x1") = (b); \
    __asm__ volatile ("adr %1, 1f\n\tsvc #" XSTR(imm) "\n1:" \
                      : "+r" (x0), "=&r" (after) : "r" (x1) : "memory"); \
    x0; \
})

int main(void)
{
    int fails = 0;
    uint64_t after, r;

    r = SVC(CALL_ADD, 40, 2, after);
    printf("svc: svc #0x%llx (add 40, 2) returned %llu, ELR_EL1 0x%llx, SPSR_EL1 0x%llx\n",
           (unsigned long long)seen_imm, (unsigned long long)r,
           (unsigned long long)seen_pc, (unsigned long long)seen_spsr);
    if (r != 42 || seen_imm != CALL_ADD || seen_pc != after) {
        printf("svc: expected 42 from call 0x%x with ELR_EL1 0x%llx\n", CALL_ADD,
               (unsigned long long)after);
        fails++;
    }
    /* SPSR_EL1.M (bits 3:0) 0b0101 is EL1h: the svc came from EL1 using
     * SP_EL1; DAIF (bits 9:6) were masked in main. */
    if ((seen_spsr & 0xf) != 0x5 || ((seen_spsr >> 6) & 0xf) != 0xf) {
        puts("svc: SPSR_EL1 does not say EL1h with DAIF masked");
        fails++;
    }

    r = SVC(CALL_MUL, 6, 7, after);
    printf("svc: svc #0x%llx (mul 6, 7) returned %llu\n", (unsigned long long)seen_imm,
           (unsigned long long)r);
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
