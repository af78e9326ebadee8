/* alignment_fault.c: which unaligned loads and stores ARMv7 allows, and the
 * data abort the others raise.
 *
 * An access is aligned when its address is a multiple of its size. Since
 * ARMv6, with SCTLR.A (bit 1) clear, single loads and stores (ldr, str,
 * ldrh, strh) may be unaligned on Normal memory (RAM in the runtime's
 * translation table); multiple and doubleword ones (ldm, stm, ldrd, strd)
 * and exclusives (ldrex) still need word (ldrex: size) alignment, and
 * Device or Strongly-ordered memory needs alignment for everything. With
 * SCTLR.A set, every access must be aligned to its size. (With the MMU off,
 * as QEMU starts the CPU, all memory is Strongly-ordered, hence the
 * runtime's MMU.)
 *
 * An alignment fault is a data abort (vector VBAR + 0x10, ABT mode): the
 * data fault status register DFSR (CP15 c5, c0, 0) has FS (bits 10, 3:0)
 * 0b00001 and WnR (bit 11) set for a write; DFAR (c6, c0, 0) holds the
 * address. The runtime's entry points the saved pc at the faulting
 * instruction, which the handler skips. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

#define DFSR_FS(dfsr) ((((dfsr) >> 6) & 0x10) | ((dfsr) & 0xf))
#define DFSR_WNR (1 << 11)
#define FS_ALIGNMENT 0x1
#define SCTLR_A (1 << 1)

static volatile unsigned int faults;
static volatile uint32_t seen_dfsr, seen_dfar;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    if (vector != LKMC_VECTOR_DATA_ABORT)
        return 0;
    faults++;
    seen_dfsr = LKMC_CP15_READ(0, c5, c0, 0);
    seen_dfar = LKMC_CP15_READ(0, c6, c0, 0);
    frame->pc += 4;
    return 1;
}

static uint32_t buf[4] = {0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c};

static int expect(const char *what, int fault, int write, uintptr_t addr)
{
    if (!fault) {
        printf("alignment_fault: %s: %u faults\n", what, faults);
        return faults != 0;
    }
    printf("alignment_fault: %s: %u fault, DFSR 0x%lx (FS 0x%lx, WnR %d), DFAR 0x%lx\n",
           what, faults, (unsigned long)seen_dfsr, (unsigned long)DFSR_FS(seen_dfsr),
           !!(seen_dfsr & DFSR_WNR), (unsigned long)seen_dfar);
    if (faults != 1 || DFSR_FS(seen_dfsr) != FS_ALIGNMENT ||
        !!(seen_dfsr & DFSR_WNR) != write || seen_dfar != addr) {
        printf("alignment_fault: expected one alignment fault (WnR %d) at 0x%lx\n",
               write, (unsigned long)addr);
        return 1;
    }
    faults = 0;
    return 0;
}

static void set_sctlr_a(int on)
{
    uint32_t sctlr = LKMC_CP15_READ(0, c1, c0, 0);

    LKMC_CP15_WRITE(0, c1, c0, 0, on ? sctlr | SCTLR_A : sctlr & ~SCTLR_A);
    __asm__ volatile ("isb" : : : "memory");
}

int main(void)
{
    uintptr_t odd = (uintptr_t)buf + 1;
    uint32_t v = 0;
    int fails = 0;

    if (!(LKMC_CP15_READ(0, c1, c0, 0) & 1) || (LKMC_CP15_READ(0, c1, c0, 0) & SCTLR_A)) {
        puts("alignment_fault: expected the MMU on (SCTLR.M 1) and SCTLR.A 0");
        return 1;
    }

    /* A single unaligned ldr, A = 0: fine. Bytes 1-4, little-endian. */
    __asm__ volatile ("ldr %0, [%1]" : "=r" (v) : "r" (odd) : "memory");
    fails += expect("ldr [buf + 1], SCTLR.A 0", 0, 0, 0);
    if (v != 0x04030201) {
        printf("alignment_fault: read 0x%lx\n", (unsigned long)v);
        fails++;
    }
    /* ldm and strd need word alignment whatever A says. Fixed registers:
     * ldm wants them in ascending order, strd an even one and the next. */
    __asm__ volatile ("ldm %0, {r2, r3}" : : "r" (odd) : "memory", "r2", "r3");
    fails += expect("ldm [buf + 1], SCTLR.A 0", 1, 0, odd);
    __asm__ volatile ("mov r2, #0\n\tmov r3, #0\n\tstrd r2, r3, [%0]"
                      : : "r" (odd + 2) : "memory", "r2", "r3");
    fails += expect("strd [buf + 3], SCTLR.A 0", 1, 1, odd + 2);

    /* A = 1: now the single ldr faults too. */
    set_sctlr_a(1);
    __asm__ volatile ("ldr %0, [%1]" : "+r" (v) : "r" (odd) : "memory");
    fails += expect("ldr [buf + 1], SCTLR.A 1", 1, 0, odd);
    set_sctlr_a(0);

    /* The faulting store did not happen. */
    if (buf[0] != 0x03020100 || buf[1] != 0x07060504) {
        puts("alignment_fault: the faulting store changed memory");
        fails++;
    }
    return fails != 0;
}
