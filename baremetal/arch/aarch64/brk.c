/* brk.c: the breakpoint instruction brk #imm, handled by the program itself
 * instead of a debugger.
 *
 * brk is what debuggers plant in code and what compilers emit for
 * __builtin_trap(). It raises a synchronous exception with ESR_EL1.EC 0x3c
 * (BRK instruction from AArch64) and the immediate in ESR_EL1.ISS bits 15:0.
 * Unlike svc, ELR_EL1 points at the brk itself, not after it: a debugger
 * resumes by putting back the original instruction there. To go on past the
 * brk, the handler adds 4 (every A64 instruction is 4 bytes) to the saved
 * ELR_EL1. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

static volatile unsigned int hits;
static volatile uint64_t seen_imm, seen_pc;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    if (vector != LKMC_VECTOR_SYNC_SPX || LKMC_ESR_EC(frame->esr) != LKMC_ESR_EC_BRK64)
        return 0;
    hits++;
    seen_imm = frame->esr & 0xffff;
    seen_pc = frame->pc;
    frame->pc += 4;
    return 1;
}

int main(void)
{
    uint64_t at;
    /* Set after the brk: shows that execution really went on past it. */
    uint64_t after = 0;

    __asm__ volatile (
        "adr %0, 1f\n"
        "1: brk #0x1234\n"
        "mov %1, #1\n"
        : "=&r" (at), "+r" (after) : : "memory");
    printf("brk: handler saw brk #0x%llx at 0x%llx (expected 0x%llx), %u hit(s)\n",
           (unsigned long long)seen_imm, (unsigned long long)seen_pc,
           (unsigned long long)at, hits);
    if (hits != 1 || seen_imm != 0x1234 || seen_pc != at || after != 1)
        return 1;
    return 0;
}
