/* multicore.c: start a second CPU with PSCI and hand it work.
 *
 * Under QEMU -kernel, only CPU 0 runs; the others wait powered off until the
 * firmware is asked to start them. The interface to that firmware is PSCI
 * (Arm's Power State Coordination Interface): a function ID in x0 and
 * arguments in x1-x3, passed with smc (to EL3) or hvc (to EL2), the
 * "conduit", which the device tree gives (QEMU's virt says method = "hvc" in
 * its /psci node, see `qemu-system-aarch64 -M virt,dumpdtb=virt.dtb`; QEMU
 * itself serves the call since there is no EL2 firmware). CPU_ON takes the
 * target's MPIDR affinity, the physical address where it starts (at EL1,
 * MMU off) and a context value it finds in x0.
 *
 * The new CPU starts with nothing: secondary_entry gives it its own stack
 * (the context value is the stack top), enables FP/SIMD in its own
 * CPACR_EL1 (C code may use SIMD registers), points its VBAR_EL1 at the
 * runtime's vectors and turns on its MMU with the runtime's tables
 * (lkmc_mmu_enable: until then RAM is Device memory, where the unaligned
 * accesses compiled C may make fault), then calls C. It does not call libc:
 * picolibc's thread pointer (TPIDR_EL0, where errno lives) is only set up on
 * CPU 0. It
 * publishes its results and then a flag, with a store-release (stlr) so that
 * CPU 0, which reads the flag with a load-acquire (ldar), sees the results
 * too; finally it powers itself off with CPU_OFF, and AFFINITY_INFO on CPU 0
 * confirms it. Needs QEMU -smp 2 (configs/baremetal.toml). */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* PSCI function IDs; SMC64 ones (0xc4...) take 64-bit arguments. */
#define PSCI_VERSION 0x84000000
#define PSCI_CPU_OFF 0x84000002
#define PSCI_CPU_ON 0xc4000003
#define PSCI_AFFINITY_INFO 0xc4000004
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_AFFINITY_ON 0
#define PSCI_AFFINITY_OFF 1

static int64_t psci(uint64_t function, uint64_t a1, uint64_t a2, uint64_t a3)
{
    register uint64_t x0 __asm__("x0") = function;
    register uint64_t x1 __asm__("x1") = a1;
    register uint64_t x2 __asm__("x2") = a2;
    register uint64_t x3 __asm__("x3") = a3;

    __asm__ volatile ("hvc #0" : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3) : : "memory");
    return (int64_t)x0;
}

void secondary_main(void);
/* Where CPU 1 starts: x0 is the context value of CPU_ON. */
__asm__(
    ".text\n"
    ".global secondary_entry\n"
    "secondary_entry:\n"
    "    mov sp, x0\n"
    "    mov x0, #(3 << 20)\n"
    /* And SVE (ZEN), when ID_AA64PFR0_EL1.SVE says it exists, as start.S. */
    "    mrs x1, id_aa64pfr0_el1\n"
    "    ubfx x1, x1, #32, #4\n"
    "    cbz x1, 1f\n"
    "    orr x0, x0, #(3 << 16)\n"
    "1:  msr cpacr_el1, x0\n"
    "    ldr x0, =lkmc_vector_table\n"
    "    msr vbar_el1, x0\n"
    "    isb\n"
    "    bl lkmc_mmu_enable\n"
    "    bl secondary_main\n"
    /* secondary_main powers the CPU off: it never returns. */
    "2:  wfe\n"
    "    b 2b\n"
);
extern char secondary_entry[];

static uint64_t secondary_stack[1024] __attribute__((aligned(16)));

/* Written by CPU 1 before it sets ready. */
static struct {
    uint64_t mpidr;
    uint64_t el;
    uint64_t sctlr;
    double root;
} result;
static uint32_t ready;

/* Volatile: compute at run time, on CPU 1's FPU. */
static volatile double two = 2.0;

void secondary_main(void)
{
    double x = 1.0;

    result.mpidr = LKMC_SYSREG_READ(mpidr_el1);
    result.el = (LKMC_SYSREG_READ(currentel) >> 2) & 3;
    result.sctlr = LKMC_SYSREG_READ(sctlr_el1);
    /* Newton's square root of 2: uses FP registers. */
    for (int i = 0; i < 10; i++)
        x = (x + two / x) / 2;
    result.root = x;
    __asm__ volatile ("stlr %w0, [%1]" : : "r" (1), "r" (&ready) : "memory");
    psci(PSCI_CPU_OFF, 0, 0, 0);
}

static uint32_t load_acquire(const uint32_t *p)
{
    uint32_t v;

    __asm__ volatile ("ldar %w0, [%1]" : "=r" (v) : "r" (p) : "memory");
    return v;
}

static uint64_t now(void)
{
    __asm__ volatile ("isb");
    return LKMC_SYSREG_READ(cntvct_el0);
}

int main(void)
{
    uint64_t freq = LKMC_SYSREG_READ(cntfrq_el0);
    uint64_t deadline;
    int64_t version, ret, state;

    version = psci(PSCI_VERSION, 0, 0, 0);
    printf("multicore: PSCI %lld.%lld on CPU %u\n", (long long)version >> 16,
           (long long)version & 0xffff, lkmc_cpu_id());
    /* CPU_ON is there since PSCI 0.2. */
    if (version < 0x2) {
        puts("multicore: PSCI too old");
        return 1;
    }
    /* A CPU that does not exist: the firmware says so. */
    ret = psci(PSCI_CPU_ON, 0x7f, (uintptr_t)secondary_entry, 0);
    if (ret != PSCI_INVALID_PARAMETERS) {
        printf("multicore: CPU_ON of CPU 0x7f returned %lld\n", (long long)ret);
        return 1;
    }

    /* MPIDR affinity of CPU 1 on virt: Aff0 = 1. */
    ret = psci(PSCI_CPU_ON, 1, (uintptr_t)secondary_entry,
               (uintptr_t)(secondary_stack + sizeof(secondary_stack) / sizeof(secondary_stack[0])));
    if (ret != 0) {
        printf("multicore: CPU_ON returned %lld (is QEMU run with -smp 2?)\n", (long long)ret);
        return 1;
    }
    deadline = now() + freq;
    while (!load_acquire(&ready) && now() < deadline)
        ;
    if (!load_acquire(&ready)) {
        puts("multicore: CPU 1 did not answer within a second");
        return 1;
    }
    printf("multicore: CPU 1 ran with MPIDR_EL1 0x%llx at EL%llu, MMU %s, sqrt(2) = %.9f\n",
           (unsigned long long)result.mpidr, (unsigned long long)result.el,
           result.sctlr & 1 ? "on" : "off", result.root);
    if ((result.mpidr & 0xff) != 1 || result.el != 1 || !(result.sctlr & 1) ||
        result.root < 1.414213562 || result.root > 1.414213563)
        return 1;

    /* CPU_OFF takes a moment to complete after the flag was set. */
    deadline = now() + freq;
    do
        state = psci(PSCI_AFFINITY_INFO, 1, 0, 0);
    while (state != PSCI_AFFINITY_OFF && now() < deadline);
    printf("multicore: AFFINITY_INFO says CPU 1 is %s\n",
           state == PSCI_AFFINITY_OFF ? "off" : state == PSCI_AFFINITY_ON ? "on" : "?");
    return state != PSCI_AFFINITY_OFF;
}
