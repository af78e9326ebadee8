/* alignment_fault.c: unaligned loads and stores, allowed or faulting
 * depending on SCTLR_EL1.A.
 *
 * An access is aligned when its address is a multiple of its size. On
 * Normal memory (RAM in the runtime's translation table) unaligned accesses
 * just work, unless alignment checking is on (SCTLR_EL1.A, bit 1): then they
 * fault, as a kernel may want to catch them. Some accesses must be aligned
 * whatever A says: exclusives (ldxr) and any access to Device memory (the
 * GIC, the UART). With the MMU off, as QEMU starts the CPU, every data access
 * is Device-nGnRnE: picolibc, compiled for Normal memory, then faults (its
 * snprintf does), which is why the runtime turns the MMU on before main.
 * (QEMU 10 checks Device alignment only with the MMU off, so that case is
 * not shown here.)
 *
 * The fault is a data abort from the current EL: ESR_EL1.EC 0x25, with DFSC
 * (ISS bits 5:0) 0x21 "alignment fault" and WnR (ISS bit 6) telling a write
 * from a read; FAR_EL1 holds the faulting address and ELR_EL1 the faulting
 * instruction, which the handler skips. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

#define EC_DABT_CUR 0x25
#define DFSC_ALIGNMENT 0x21
#define ISS_WNR (1 << 6)
#define SCTLR_A (1 << 1)

static volatile unsigned int faults;
static volatile uint64_t seen_esr, seen_far;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    if (vector != LKMC_VECTOR_SYNC_SPX || LKMC_ESR_EC(frame->esr) != EC_DABT_CUR)
        return 0;
    faults++;
    seen_esr = frame->esr;
    seen_far = LKMC_SYSREG_READ(far_el1);
    frame->pc += 4;
    return 1;
}

static uint64_t buf[2] = {0x0706050403020100, 0x0f0e0d0c0b0a0908};

static int expect(const char *what, int fault, int write, uintptr_t addr)
{
    unsigned int dfsc = seen_esr & 0x3f;
    int wnr = !!(seen_esr & ISS_WNR);

    if (!fault) {
        printf("alignment_fault: %s: %u faults\n", what, faults);
        return faults != 0;
    }
    printf("alignment_fault: %s: %u fault, ESR_EL1 0x%llx (DFSC 0x%x, WnR %d), FAR_EL1 0x%llx\n",
           what, faults, (unsigned long long)seen_esr, dfsc, wnr, (unsigned long long)seen_far);
    if (faults != 1 || dfsc != DFSC_ALIGNMENT || wnr != write || seen_far != addr) {
        printf("alignment_fault: expected one alignment fault (WnR %d) at 0x%llx\n",
               write, (unsigned long long)addr);
        return 1;
    }
    faults = 0;
    return 0;
}

static void set_sctlr_a(int on)
{
    uint64_t sctlr = LKMC_SYSREG_READ(sctlr_el1);

    LKMC_SYSREG_WRITE(sctlr_el1, on ? sctlr | SCTLR_A : sctlr & ~(uint64_t)SCTLR_A);
    __asm__ volatile ("isb" : : : "memory");
}

int main(void)
{
    uintptr_t odd = (uintptr_t)buf + 1;
    uint64_t v = 0;
    int fails = 0;

    if (!(LKMC_SYSREG_READ(sctlr_el1) & 1) || (LKMC_SYSREG_READ(sctlr_el1) & SCTLR_A)) {
        puts("alignment_fault: expected the MMU on (SCTLR_EL1.M 1) and SCTLR_EL1.A 0");
        return 1;
    }

    /* Normal memory, A = 0: fine. Bytes 1-8 of buf, little-endian. */
    __asm__ volatile ("ldr %0, [%1]" : "=r" (v) : "r" (odd) : "memory");
    fails += expect("ldr x, [buf + 1], SCTLR_EL1.A 0", 0, 0, 0);
    if (v != 0x0807060504030201) {
        printf("alignment_fault: read 0x%llx\n", (unsigned long long)v);
        fails++;
    }

    /* Normal memory, A = 1: the same load faults, and so does a store. */
    set_sctlr_a(1);
    __asm__ volatile ("ldr %0, [%1]" : "+r" (v) : "r" (odd) : "memory");
    fails += expect("ldr x, [buf + 1], SCTLR_EL1.A 1", 1, 0, odd);
    __asm__ volatile ("str %w0, [%1]" : : "r" (0), "r" (odd + 2) : "memory");
    fails += expect("str w, [buf + 3], SCTLR_EL1.A 1", 1, 1, odd + 2);
    set_sctlr_a(0);
    /* The faulting store did not happen. */
    if (buf[0] != 0x0706050403020100) {
        puts("alignment_fault: the faulting store changed memory");
        fails++;
    }
    return fails != 0;
}
