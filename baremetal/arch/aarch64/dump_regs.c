/* dump_regs.c: the state main() starts in, read from the system registers,
 * and what the ID registers say about the CPU.
 *
 * On AArch64, system registers are read with mrs and named <reg>_EL<n>, the
 * lowest exception level that can access them: CurrentEL (the EL in bits
 * 3:2), SCTLR_EL1 (M: MMU, C: data cache, I: instruction cache, A: alignment
 * checks), TTBR0_EL1 (the translation table), DAIF (the interrupt masks),
 * CPACR_EL1 (FPEN: FP/SIMD trapping), VBAR_EL1 (the vector table), MIDR_EL1
 * (which core), MPIDR_EL1 (which CPU of the system: affinity fields), and
 * the read-only ID_AA64* registers, which list the implemented features in
 * 4-bit fields so software can test for a feature before using it. The
 * checks are what lkmc's runtime promises main: EL1, IRQs masked, FP on, its
 * vectors installed, and the MMU and caches on with its identity map (QEMU
 * starts the CPU with them off). */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

extern char lkmc_vector_table[];

static int fails;

static void check(const char *what, uint64_t got, uint64_t expected)
{
    if (got != expected) {
        printf("dump_regs: %s is 0x%llx, expected 0x%llx\n", what,
               (unsigned long long)got, (unsigned long long)expected);
        fails++;
    }
}

static unsigned int field(uint64_t reg, unsigned int lsb)
{
    return (reg >> lsb) & 0xf;
}

int main(void)
{
    uint64_t currentel = LKMC_SYSREG_READ(currentel);
    uint64_t sctlr = LKMC_SYSREG_READ(sctlr_el1);
    uint64_t ttbr0 = LKMC_SYSREG_READ(ttbr0_el1);
    uint64_t daif = LKMC_SYSREG_READ(daif);
    uint64_t spsel = LKMC_SYSREG_READ(spsel);
    uint64_t cpacr = LKMC_SYSREG_READ(cpacr_el1);
    uint64_t vbar = LKMC_SYSREG_READ(vbar_el1);
    uint64_t midr = LKMC_SYSREG_READ(midr_el1);
    uint64_t mpidr = LKMC_SYSREG_READ(mpidr_el1);
    uint64_t pfr0 = LKMC_SYSREG_READ(id_aa64pfr0_el1);
    uint64_t isar0 = LKMC_SYSREG_READ(id_aa64isar0_el1);
    uint64_t mmfr0 = LKMC_SYSREG_READ(id_aa64mmfr0_el1);
    uint64_t cntfrq = LKMC_SYSREG_READ(cntfrq_el0);
    /* ID_AA64MMFR0_EL1.PARange: physical address bits. TGran4 (31:28) is
     * 0xf when the 4 KiB translation granule is missing. */
    static const unsigned int parange_bits[] = {32, 36, 40, 42, 44, 48, 52, 56};

    printf("CurrentEL        0x%llx (EL%llu)\n", (unsigned long long)currentel,
           (unsigned long long)(currentel >> 2) & 3);
    printf("SCTLR_EL1        0x%016llx (M %llu, A %llu, C %llu, I %llu)\n",
           (unsigned long long)sctlr, (unsigned long long)sctlr & 1,
           (unsigned long long)(sctlr >> 1) & 1, (unsigned long long)(sctlr >> 2) & 1,
           (unsigned long long)(sctlr >> 12) & 1);
    printf("TTBR0_EL1        0x%llx\n", (unsigned long long)ttbr0);
    printf("DAIF             0x%llx\n", (unsigned long long)daif);
    printf("SPSel            %llu\n", (unsigned long long)spsel);
    printf("CPACR_EL1        0x%llx\n", (unsigned long long)cpacr);
    printf("VBAR_EL1         0x%llx\n", (unsigned long long)vbar);
    printf("MIDR_EL1         0x%08llx (implementer 0x%02llx, part 0x%03llx, r%llup%llu)\n",
           (unsigned long long)midr, (unsigned long long)(midr >> 24) & 0xff,
           (unsigned long long)(midr >> 4) & 0xfff, (unsigned long long)(midr >> 20) & 0xf,
           (unsigned long long)midr & 0xf);
    printf("MPIDR_EL1        0x%llx (Aff0 %llu, Aff1 %llu, U %llu)\n",
           (unsigned long long)mpidr, (unsigned long long)mpidr & 0xff,
           (unsigned long long)(mpidr >> 8) & 0xff, (unsigned long long)(mpidr >> 30) & 1);
    /* EL<n> fields: 0 not implemented, 1 AArch64 only, 2 AArch32 too. */
    printf("ID_AA64PFR0_EL1  0x%016llx (EL0 %u, EL1 %u, EL2 %u, EL3 %u, FP %u, AdvSIMD %u, "
           "SVE %u)\n",
           (unsigned long long)pfr0, field(pfr0, 0), field(pfr0, 4), field(pfr0, 8),
           field(pfr0, 12), field(pfr0, 16), field(pfr0, 20), field(pfr0, 32));
    printf("ID_AA64ISAR0_EL1 0x%016llx (AES %u, SHA2 %u, CRC32 %u, Atomic %u)\n",
           (unsigned long long)isar0, field(isar0, 4), field(isar0, 12), field(isar0, 16),
           field(isar0, 20));
    printf("ID_AA64MMFR0_EL1 0x%016llx (PARange %u bits, 4K granule %s)\n",
           (unsigned long long)mmfr0, parange_bits[field(mmfr0, 0) & 7],
           field(mmfr0, 28) != 0xf ? "yes" : "no");
    printf("CNTFRQ_EL0       %llu Hz\n", (unsigned long long)cntfrq);

    /* QEMU's -kernel enters at EL1 (no EL2/EL3 on virt by default). */
    check("CurrentEL.EL", (currentel >> 2) & 3, 1);
    /* Running on SP_EL1, not SP_EL0. */
    check("SPSel", spsel, 1);
    /* MMU (M), data (C) and instruction (I) caches on. */
    check("SCTLR_EL1.{M,C,I}", sctlr & ((1 << 0) | (1 << 2) | (1 << 12)),
          (1 << 0) | (1 << 2) | (1 << 12));
    check("TTBR0_EL1 set", ttbr0 != 0, 1);
    /* D, A, I and F all masked, as at reset. */
    check("DAIF", daif, 0xf << 6);
    /* start.S: FP/SIMD does not trap (FPEN = 0b11). */
    check("CPACR_EL1.FPEN", (cpacr >> 20) & 3, 3);
    check("VBAR_EL1", vbar, (uintptr_t)lkmc_vector_table);
    /* Bit 31 of MPIDR_EL1 is RES1; the boot CPU is Aff0 0. */
    check("MPIDR_EL1[31]", (mpidr >> 31) & 1, 1);
    check("MPIDR_EL1.Aff0", mpidr & 0xff, 0);
    /* FP = 0xf would mean no FP, and the runtime relies on it. */
    check("ID_AA64PFR0_EL1.EL1 implemented", field(pfr0, 4) != 0, 1);
    check("ID_AA64PFR0_EL1.FP implemented", field(pfr0, 16) != 0xf, 1);
    check("CNTFRQ_EL0 set", cntfrq != 0, 1);
    return fails != 0;
}
