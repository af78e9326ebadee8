/* dump_regs.c: the state main() starts in, read from the CPSR and the CP15
 * system registers, and what the ID registers say about the CPU.
 *
 * On ARMv7-A the privilege level is the processor mode, in CPSR.M (bits
 * 4:0): 0x10 USR (unprivileged, PL0), 0x13 SVC, 0x17 ABT, 0x1b UND, 0x12 IRQ,
 * 0x11 FIQ, 0x1f SYS (PL1); CPSR.I and .F (bits 7, 6) mask IRQ and FIQ, .A
 * (bit 8) asynchronous aborts, and .T (bit 5) says Thumb state. The system
 * registers live in coprocessor 15 and are read with
 * mrc p15, op1, Rt, CRn, CRm, op2: SCTLR (c1, c0, 0: M the MMU, A alignment
 * checks, C and I the caches, V high vectors), TTBR0 (c2, c0, 0: the
 * translation table), CPACR (c1, c0, 2: who may use
 * coprocessors 10 and 11, VFP and NEON), VBAR (c12, c0, 0), MIDR (c0, c0,
 * 0: which core), MPIDR (c0, c0, 5: which CPU of the system), the ID_PFR*
 * feature registers and CNTFRQ (c14, c0, 0). VFP has its own: FPEXC.EN
 * turns VFP and NEON on. The checks are what lkmc's runtime promises main:
 * SVC mode in ARM state, IRQs masked, VFP on, its vectors installed, and
 * the MMU and caches on with its identity map (QEMU starts the CPU with them
 * off). */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

extern char lkmc_vector_table[];

static int fails;

static void check(const char *what, uint32_t got, uint32_t expected)
{
    if (got != expected) {
        printf("dump_regs: %s is 0x%lx, expected 0x%lx\n", what, (unsigned long)got,
               (unsigned long)expected);
        fails++;
    }
}

static unsigned int field(uint32_t reg, unsigned int lsb)
{
    return (reg >> lsb) & 0xf;
}

int main(void)
{
    uint32_t cpsr, fpexc, fpsid;
    uint32_t sctlr = LKMC_CP15_READ(0, c1, c0, 0);
    uint32_t ttbr0 = LKMC_CP15_READ(0, c2, c0, 0);
    uint32_t cpacr = LKMC_CP15_READ(0, c1, c0, 2);
    uint32_t vbar = LKMC_CP15_READ(0, c12, c0, 0);
    uint32_t midr = LKMC_CP15_READ(0, c0, c0, 0);
    uint32_t mpidr = LKMC_CP15_READ(0, c0, c0, 5);
    uint32_t pfr0 = LKMC_CP15_READ(0, c0, c1, 0);
    uint32_t pfr1 = LKMC_CP15_READ(0, c0, c1, 1);
    uint32_t cntfrq = LKMC_CP15_READ(0, c14, c0, 0);

    __asm__ volatile ("mrs %0, cpsr" : "=r" (cpsr));
    __asm__ volatile ("vmrs %0, fpexc" : "=r" (fpexc));
    __asm__ volatile ("vmrs %0, fpsid" : "=r" (fpsid));

    printf("CPSR    0x%08lx (mode 0x%02lx, A %lu, I %lu, F %lu, T %lu)\n", (unsigned long)cpsr,
           (unsigned long)cpsr & 0x1f, (unsigned long)(cpsr >> 8) & 1,
           (unsigned long)(cpsr >> 7) & 1, (unsigned long)(cpsr >> 6) & 1,
           (unsigned long)(cpsr >> 5) & 1);
    printf("SCTLR   0x%08lx (M %lu, A %lu, C %lu, I %lu, V %lu)\n", (unsigned long)sctlr,
           (unsigned long)sctlr & 1, (unsigned long)(sctlr >> 1) & 1,
           (unsigned long)(sctlr >> 2) & 1, (unsigned long)(sctlr >> 12) & 1,
           (unsigned long)(sctlr >> 13) & 1);
    printf("TTBR0   0x%08lx\n", (unsigned long)ttbr0);
    printf("CPACR   0x%08lx\n", (unsigned long)cpacr);
    printf("VBAR    0x%08lx\n", (unsigned long)vbar);
    printf("MIDR    0x%08lx (implementer 0x%02lx, part 0x%03lx, r%lup%lu)\n",
           (unsigned long)midr, (unsigned long)(midr >> 24) & 0xff,
           (unsigned long)(midr >> 4) & 0xfff, (unsigned long)(midr >> 20) & 0xf,
           (unsigned long)midr & 0xf);
    printf("MPIDR   0x%08lx (Aff0 %lu, Aff1 %lu, U %lu)\n", (unsigned long)mpidr,
           (unsigned long)mpidr & 0xff, (unsigned long)(mpidr >> 8) & 0xff,
           (unsigned long)(mpidr >> 30) & 1);
    /* ID_PFR1: Security extensions (7:4), Virtualization (15:12), generic
     * timer (19:16). */
    printf("ID_PFR0 0x%08lx (ARM %u, Thumb %u, Jazelle %u, ThumbEE %u)\n", (unsigned long)pfr0,
           field(pfr0, 0), field(pfr0, 4), field(pfr0, 8), field(pfr0, 12));
    printf("ID_PFR1 0x%08lx (Security %u, Virtualization %u, GenTimer %u)\n",
           (unsigned long)pfr1, field(pfr1, 4), field(pfr1, 12), field(pfr1, 16));
    printf("FPSID   0x%08lx, FPEXC 0x%08lx\n", (unsigned long)fpsid, (unsigned long)fpexc);
    printf("CNTFRQ  %lu Hz\n", (unsigned long)cntfrq);

    /* QEMU's -kernel enters in SVC mode, ARM state, IRQ and FIQ masked. */
    check("CPSR.M", cpsr & 0x1f, 0x13);
    check("CPSR.T", (cpsr >> 5) & 1, 0);
    check("CPSR.{I,F}", (cpsr >> 6) & 3, 3);
    /* MMU, data and instruction caches on; vectors at VBAR, not 0xffff0000. */
    check("SCTLR.{M,C,I}", sctlr & ((1 << 0) | (1 << 2) | (1 << 12)),
          (1 << 0) | (1 << 2) | (1 << 12));
    check("TTBR0 set", ttbr0 != 0, 1);
    check("SCTLR.V", (sctlr >> 13) & 1, 0);
    check("VBAR", vbar, (uintptr_t)lkmc_vector_table);
    /* start.S: cp10 and cp11 full access, FPEXC.EN. */
    check("CPACR.{cp10,cp11}", (cpacr >> 20) & 0xf, 0xf);
    check("FPEXC.EN", (fpexc >> 30) & 1, 1);
    /* -cpu cortex-a15: ARM Ltd (0x41), part 0xc0f. */
    check("MIDR implementer", midr >> 24, 0x41);
    check("MIDR part", (midr >> 4) & 0xfff, 0xc0f);
    /* Bit 31 set: the multiprocessing extensions format. Boot CPU Aff0 0. */
    check("MPIDR[31]", mpidr >> 31, 1);
    check("MPIDR.Aff0", mpidr & 0xff, 0);
    check("ID_PFR1.GenTimer", field(pfr1, 16), 1);
    check("CNTFRQ set", cntfrq != 0, 1);
    return fails != 0;
}
