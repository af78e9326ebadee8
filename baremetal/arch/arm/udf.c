/* udf.c: an undefined instruction, trapped and skipped.
 *
 * udf #imm is the encoding that is guaranteed never to be defined. The CPU
 * enters UND mode through VBAR + 0x04 with lr_und pointing after the
 * instruction (in ARM state), so the runtime's entry saves that as the
 * return address: returning resumes after it, skipping it. That is how
 * kernels emulated missing instructions (VFP on cores without one, say):
 * the handler reads the instruction at the return address minus 4 and
 * decodes it; for udf the immediate is split, imm12 in bits 19:8 and imm4
 * in 3:0. It also sets the saved r0, to show that the handler can change
 * the interrupted code's registers. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* UDF: 1110 0111 1111 imm12 1111 imm4. */
#define UDF_MASK 0xfff000f0u
#define UDF_BITS 0xe7f000f0u

static volatile unsigned int traps;
static volatile uint32_t seen_insn, seen_pc;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t insn;

    if (vector != LKMC_VECTOR_UNDEF)
        return 0;
    insn = *(const uint32_t *)(uintptr_t)(frame->pc - 4);
    if ((insn & UDF_MASK) != UDF_BITS)
        return 0;
    traps++;
    seen_insn = insn;
    seen_pc = frame->pc - 4;
    frame->r[0] = 0xdead0000 | ((insn >> 4) & 0xfff0) | (insn & 0xf);
    return 1;
}

int main(void)
{
    register uint32_t r0 __asm__("r0") = 0;
    uint32_t at, result;

    __asm__ volatile (
        "adr %1, 1f\n"
        "1: udf #0xbeef\n"
        : "+r" (r0), "=&r" (at) : : "memory");
    result = r0;
    printf("udf: trapped 0x%08lx at 0x%lx (expected 0x%lx), r0 became 0x%lx\n",
           (unsigned long)seen_insn, (unsigned long)seen_pc, (unsigned long)at,
           (unsigned long)result);
    if (traps != 1 || seen_pc != at || result != 0xdeadbeef)
        return 1;
    return 0;
}
