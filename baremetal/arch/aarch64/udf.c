/* udf.c: an undefined instruction, trapped and skipped.
 *
 * udf #imm is the instruction that is guaranteed never to be defined: the
 * CPU takes a synchronous exception with ESR_EL1.EC 0 ("unknown reason",
 * also what any unallocated encoding or inaccessible system register gives).
 * Unlike for svc and brk, ESR_EL1.ISS says nothing about the instruction, so
 * the handler reads the instruction word at ELR_EL1 (which points at it) and
 * decodes the immediate itself (bits 15:0), as a kernel emulating missing
 * instructions would. It then steps ELR_EL1 over it, and sets the saved x0 to
 * show that it can change the interrupted code's registers too. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* UDF #imm16: bits 31:16 are all zero. */
#define UDF_MASK 0xffff0000u

static volatile unsigned int traps;
static volatile uint64_t seen_insn, seen_pc;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t insn;

    if (vector != LKMC_VECTOR_SYNC_SPX || LKMC_ESR_EC(frame->esr) != 0)
        return 0;
    insn = *(const uint32_t *)(uintptr_t)frame->pc;
    if ((insn & UDF_MASK) != 0)
        return 0;
    traps++;
    seen_insn = insn;
    seen_pc = frame->pc;
    frame->x[0] = 0xdead0000 | (insn & 0xffff);
    frame->pc += 4;
    return 1;
}

int main(void)
{
    register uint64_t x0 __asm__("x0") = 0;
    uint64_t at, result;

    __asm__ volatile (
        "adr %1, 1f\n"
        "1: udf #0xbeef\n"
        : "+r" (x0), "=&r" (at) : : "memory");
    result = x0;
    printf("udf: trapped 0x%08llx at 0x%llx (expected 0x%llx), x0 became 0x%llx\n",
           (unsigned long long)seen_insn, (unsigned long long)seen_pc,
           (unsigned long long)at, (unsigned long long)result);
    if (traps != 1 || (seen_insn & 0xffff) != 0xbeef || seen_pc != at ||
        result != 0xdeadbeef)
        return 1;
    return 0;
}
