/* spinlock.c: two CPUs updating shared counters, with the exclusive
 * load/store pair ldrex/strex: a spinlock, and a lock-free atomic add.
 *
 * ldrex loads and tells the CPU's exclusive monitor to watch the address;
 * strex stores only if nobody else wrote there since, and reports in a
 * register whether it did (0) or must retry (1). ARMv7 has no acquire and
 * release loads and stores: barriers (dmb) after taking and before releasing
 * the lock keep the critical section's accesses inside it. While the lock
 * is taken, the waiter sleeps in wfe; unlike ARMv8, releasing the lock does
 * not wake it by itself, so unlock ends with dsb (the store is visible) and
 * sev (signal an event to all CPUs). This is Linux's ARMv7 spinlock, minus
 * the tickets.
 *
 * Both CPUs add 1 ITER times to: a counter under the spinlock, a counter
 * with an ldrex/add/strex loop, and a plain counter (a racy load/add/store).
 * The first two must end at exactly 2 * ITER; the racy one is only printed,
 * as it may or may not lose updates. CPU 1 is started with PSCI as in
 * multicore.c, and turns its MMU on first: exclusives need Normal memory (on
 * hardware; QEMU does not check). Needs -smp 2. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* Enough for the two CPUs to overlap (CPU 1 starts a little late). */
#define ITER 300000

#define PSCI_CPU_OFF 0x84000002
#define PSCI_CPU_ON 0x84000003

static uint32_t lock;
static uint32_t locked_count, atomic_count;
static volatile uint32_t racy_count;
/* Start line and finish line, written after a dmb and read before one. */
static volatile uint32_t cpu1_up, go, cpu1_done;

static void spin_lock(uint32_t *l)
{
    uint32_t tmp;

    __asm__ volatile (
        "1:  ldrex %0, [%1]\n"
        "    teq %0, #0\n"
        "    wfene\n"
        "    bne 1b\n"
        "    strex %0, %2, [%1]\n"
        "    teq %0, #0\n"
        "    bne 1b\n"
        "    dmb ish\n"
        : "=&r" (tmp) : "r" (l), "r" (1) : "cc", "memory");
}

static void spin_unlock(uint32_t *l)
{
    __asm__ volatile (
        "    dmb ish\n"
        "    str %1, [%0]\n"
        "    dsb ishst\n"
        "    sev\n"
        : : "r" (l), "r" (0) : "memory");
}

static void atomic_add(uint32_t *p, uint32_t n)
{
    uint32_t tmp, failed;

    __asm__ volatile (
        "1:  ldrex %0, [%2]\n"
        "    add %0, %0, %3\n"
        "    strex %1, %0, [%2]\n"
        "    teq %1, #0\n"
        "    bne 1b\n"
        : "=&r" (tmp), "=&r" (failed) : "r" (p), "r" (n) : "cc", "memory");
}

static void set_flag(volatile uint32_t *flag)
{
    __asm__ volatile ("dmb ish" : : : "memory");
    *flag = 1;
}

static int32_t psci(uint32_t function, uint32_t a1, uint32_t a2, uint32_t a3)
{
    register uint32_t r0 __asm__("r0") = function;
    register uint32_t r1 __asm__("r1") = a1;
    register uint32_t r2 __asm__("r2") = a2;
    register uint32_t r3 __asm__("r3") = a3;

    __asm__ volatile (".arch_extension virt\n\thvc #0"
                      : "+r" (r0), "+r" (r1), "+r" (r2), "+r" (r3) : : "memory");
    return (int32_t)r0;
}

static uint64_t now(void)
{
    uint64_t v;

    __asm__ volatile ("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r" (v));
    return v;
}

static void work(void)
{
    for (int i = 0; i < ITER; i++) {
        spin_lock(&lock);
        locked_count++;
        spin_unlock(&lock);
        atomic_add(&atomic_count, 1);
        racy_count++;
    }
}

void secondary_main(void)
{
    set_flag(&cpu1_up);
    while (!go)
        ;
    __asm__ volatile ("dmb ish" : : : "memory");
    work();
    set_flag(&cpu1_done);
    psci(PSCI_CPU_OFF, 0, 0, 0);
}

/* Stack from the CPU_ON context value, VFP, vectors and MMU, as
 * multicore.c. */
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
    "1:  wfe\n"
    "    b 1b\n"
);
extern char secondary_entry[];

static uint64_t secondary_stack[512] __attribute__((aligned(8)));

static int wait_flag(volatile uint32_t *flag, uint64_t ticks)
{
    uint64_t deadline = now() + ticks;

    while (!*flag && now() < deadline)
        ;
    __asm__ volatile ("dmb ish" : : : "memory");
    return *flag;
}

int main(void)
{
    uint32_t freq = LKMC_CP15_READ(0, c14, c0, 0);
    int32_t ret;

    ret = psci(PSCI_CPU_ON, 1, (uintptr_t)secondary_entry,
               (uintptr_t)(secondary_stack + sizeof(secondary_stack) / sizeof(secondary_stack[0])));
    if (ret != 0 || !wait_flag(&cpu1_up, freq)) {
        printf("spinlock: could not start CPU 1 (CPU_ON returned %ld; -smp 2?)\n", (long)ret);
        return 1;
    }
    set_flag(&go);
    work();
    if (!wait_flag(&cpu1_done, 10ULL * freq)) {
        puts("spinlock: CPU 1 did not finish");
        return 1;
    }
    printf("spinlock: locked %lu, atomic %lu (expected %u); the racy counter lost %lu updates\n",
           (unsigned long)locked_count, (unsigned long)atomic_count, 2 * ITER,
           (unsigned long)(2 * ITER - racy_count));
    return locked_count != 2 * ITER || atomic_count != 2 * ITER;
}
