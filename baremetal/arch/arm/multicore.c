/* multicore.c: start a second CPU with PSCI and hand it work.
 *
 * Under QEMU -kernel, only CPU 0 runs; the others wait powered off until the
 * firmware is asked to start them. The interface to that firmware is PSCI
 * (Arm's Power State Coordination Interface): a function ID in r0 and
 * arguments in r1-r3, passed with smc (to the secure monitor) or hvc (to
 * the hypervisor), the "conduit", which the device tree gives (QEMU's virt
 * says method = "hvc" in its /psci node, see
 * `qemu-system-arm -M virt,dumpdtb=virt.dtb`; QEMU itself serves the call).
 * CPU_ON takes the target's MPIDR affinity, the physical address where it
 * starts (in SVC mode, MMU off) and a context value it finds in r0.
 *
 * The new CPU starts with nothing: secondary_entry gives it its own stack
 * (the context value is the stack top), lets it use VFP/NEON (CPACR and
 * FPEXC are per CPU), points its VBAR at the runtime's vectors and turns on
 * its MMU with the runtime's table (lkmc_mmu_enable: until then RAM is
 * Strongly-ordered memory, where the unaligned accesses compiled C may make
 * fault), then calls C. It does not call libc: picolibc's thread pointer
 * (TPIDRURO, where errno lives) is only set up on CPU 0. It publishes its
 * results, then a flag after a dmb, so that CPU 0, which reads the flag and
 * then issues its own dmb, sees the results too; finally it powers itself
 * off with CPU_OFF, and AFFINITY_INFO on CPU 0 confirms it. Needs QEMU
 * -smp 2 (configs/baremetal.toml). */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* PSCI function IDs (SMC32 calling convention). */
#define PSCI_VERSION 0x84000000
#define PSCI_CPU_OFF 0x84000002
#define PSCI_CPU_ON 0x84000003
#define PSCI_AFFINITY_INFO 0x84000004
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_AFFINITY_ON 0
#define PSCI_AFFINITY_OFF 1

#define MODE_SVC 0x13

static int32_t psci(uint32_t function, uint32_t a1, uint32_t a2, uint32_t a3)
{
    register uint32_t r0 __asm__("r0") = function;
    register uint32_t r1 __asm__("r1") = a1;
    register uint32_t r2 __asm__("r2") = a2;
    register uint32_t r3 __asm__("r3") = a3;

    /* hvc is part of the virtualization extensions. */
    __asm__ volatile (".arch_extension virt\n\thvc #0"
                      : "+r" (r0), "+r" (r1), "+r" (r2), "+r" (r3) : : "memory");
    return (int32_t)r0;
}

void secondary_main(void);
/* Where CPU 1 starts: r0 is the context value of CPU_ON. */
__asm__(
    ".text\n"
    ".arm\n"
    ".fpu neon-vfpv4\n"
    ".global secondary_entry\n"
    "secondary_entry:\n"
    "    mov sp, r0\n"
    "    mrc p15, 0, r0, c1, c0, 2\n"
    "    orr r0, r0, #(0xf << 20)\n"
    "    mcr p15, 0, r0, c1, c0, 2\n"
    "    isb\n"
    "    mov r0, #0x40000000\n"
    "    vmsr fpexc, r0\n"
    "    ldr r0, =lkmc_vector_table\n"
    "    mcr p15, 0, r0, c12, c0, 0\n"
    "    isb\n"
    "    bl lkmc_mmu_enable\n"
    "    bl secondary_main\n"
    /* secondary_main powers the CPU off: it never returns. */
    "1:  wfe\n"
    "    b 1b\n"
);
extern char secondary_entry[];

static uint64_t secondary_stack[512] __attribute__((aligned(8)));

/* Written by CPU 1 before it sets ready. */
static struct {
    uint32_t mpidr;
    uint32_t cpsr;
    uint32_t sctlr;
    double root;
} result;
static volatile uint32_t ready;

/* Volatile: compute at run time, on CPU 1's FPU. */
static volatile double two = 2.0;

void secondary_main(void)
{
    double x = 1.0;

    result.mpidr = LKMC_CP15_READ(0, c0, c0, 5);
    result.sctlr = LKMC_CP15_READ(0, c1, c0, 0);
    __asm__ volatile ("mrs %0, cpsr" : "=r" (result.cpsr));
    /* Newton's square root of 2: uses VFP registers. */
    for (int i = 0; i < 10; i++)
        x = (x + two / x) / 2;
    result.root = x;
    /* The results before the flag, for any observer. */
    __asm__ volatile ("dmb ish" : : : "memory");
    ready = 1;
    psci(PSCI_CPU_OFF, 0, 0, 0);
}

static uint64_t now(void)
{
    uint64_t v;

    __asm__ volatile ("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r" (v));
    return v;
}

int main(void)
{
    uint32_t freq = LKMC_CP15_READ(0, c14, c0, 0);
    uint64_t deadline;
    int32_t version, ret, state;

    version = psci(PSCI_VERSION, 0, 0, 0);
    printf("multicore: PSCI %ld.%ld on CPU %u\n", (long)version >> 16, (long)version & 0xffff,
           lkmc_cpu_id());
    /* CPU_ON is there since PSCI 0.2. */
    if (version < 0x2) {
        puts("multicore: PSCI too old");
        return 1;
    }
    /* A CPU that does not exist: the firmware says so. */
    ret = psci(PSCI_CPU_ON, 0x7f, (uintptr_t)secondary_entry, 0);
    if (ret != PSCI_INVALID_PARAMETERS) {
        printf("multicore: CPU_ON of CPU 0x7f returned %ld\n", (long)ret);
        return 1;
    }

    /* MPIDR affinity of CPU 1 on virt: Aff0 = 1. */
    ret = psci(PSCI_CPU_ON, 1, (uintptr_t)secondary_entry,
               (uintptr_t)(secondary_stack + sizeof(secondary_stack) / sizeof(secondary_stack[0])));
    if (ret != 0) {
        printf("multicore: CPU_ON returned %ld (is QEMU run with -smp 2?)\n", (long)ret);
        return 1;
    }
    deadline = now() + freq;
    while (!ready && now() < deadline)
        ;
    if (!ready) {
        puts("multicore: CPU 1 did not answer within a second");
        return 1;
    }
    /* The flag before the results. */
    __asm__ volatile ("dmb ish" : : : "memory");
    printf("multicore: CPU 1 ran with MPIDR 0x%lx in mode 0x%02lx, MMU %s, sqrt(2) = %.9f\n",
           (unsigned long)result.mpidr, (unsigned long)result.cpsr & 0x1f,
           result.sctlr & 1 ? "on" : "off", result.root);
    if ((result.mpidr & 0xff) != 1 || (result.cpsr & 0x1f) != MODE_SVC || !(result.sctlr & 1) ||
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
