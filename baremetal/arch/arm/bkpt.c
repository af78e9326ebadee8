/* bkpt.c: the breakpoint instruction bkpt #imm, handled by the program
 * itself instead of a debugger.
 *
 * Without a debugger attached, bkpt is a debug event that the CPU reports as
 * a prefetch abort (vector VBAR + 0x0c, ABT mode): the instruction fetch
 * "failed". The instruction fault status register IFSR (CP15 c5, c0, 1)
 * says why: FS (bits 10, 3:0) 0b00010, debug event. The runtime's entry
 * points the saved pc at the bkpt itself, as for any prefetch abort (the
 * instruction to retry): to go on past it, the handler adds 4 (an ARM
 * instruction's size). The immediate is not reported anywhere: it is split
 * in the instruction, imm12 in bits 19:8 and imm4 in bits 3:0. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

#define IFSR_FS(ifsr) ((((ifsr) >> 6) & 0x10) | ((ifsr) & 0xf))
#define FS_DEBUG_EVENT 0x2

static volatile unsigned int hits;
static volatile uint32_t seen_imm, seen_pc, seen_ifsr;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t insn;

    if (vector != LKMC_VECTOR_PREFETCH_ABORT)
        return 0;
    seen_ifsr = LKMC_CP15_READ(0, c5, c0, 1);
    if (IFSR_FS(seen_ifsr) != FS_DEBUG_EVENT)
        return 0;
    insn = *(const uint32_t *)(uintptr_t)frame->pc;
    hits++;
    seen_imm = ((insn >> 4) & 0xfff0) | (insn & 0xf);
    seen_pc = frame->pc;
    frame->pc += 4;
    return 1;
}

int main(void)
{
    uint32_t at;
    /* Set after the bkpt: shows that execution really went on past it. */
    uint32_t after = 0;

    __asm__ volatile (
        "adr %0, 1f\n"
        "1: bkpt #0x1234\n"
        "mov %1, #1\n"
        : "=&r" (at), "+r" (after) : : "memory");
    printf("bkpt: handler saw bkpt #0x%lx at 0x%lx (expected 0x%lx), IFSR 0x%lx, %u hit(s)\n",
           (unsigned long)seen_imm, (unsigned long)seen_pc, (unsigned long)at,
           (unsigned long)seen_ifsr, hits);
    if (hits != 1 || seen_imm != 0x1234 || seen_pc != at || after != 1)
        return 1;
    return 0;
}
