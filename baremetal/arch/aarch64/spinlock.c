/* spinlock.c: two CPUs updating shared counters, with the exclusive
 * load/store pair ldaxr/stxr: a spinlock, and a lock-free atomic add.
 *
 * ldxr loads and tells the CPU's exclusive monitor to watch the address;
 * stxr stores only if nobody else wrote there since, and reports in a
 * register whether it did (0) or must retry (1). ldaxr is ldxr with acquire
 * semantics (later accesses cannot move before it), stlr a store with
 * release semantics (earlier accesses cannot move after it): what keeps the
 * critical section inside the lock. While the lock is taken, the waiter
 * sleeps in wfe; releasing the lock clears the waiter's exclusive monitor,
 * which is a wake-up event (sevl first makes the first wfe fall through).
 * This is how Linux's arm64 spinlocks worked before the LSE atomics.
 *
 * Both CPUs add 1 ITER times to: a counter under the spinlock, a counter
 * with an ldxr/add/stxr loop, and a plain counter (a racy load/add/store).
 * The first two must end at exactly 2 * ITER; the racy one is only printed,
 * as it may or may not lose updates. CPU 1 is started with PSCI as in
 * multicore.c, and turns its MMU on first: exclusives need Normal memory
 * (on hardware; QEMU does not check). Needs -smp 2. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

/* Enough for the two CPUs to overlap (CPU 1 starts a little late). */
#define ITER 300000

#define PSCI_CPU_OFF 0x84000002
#define PSCI_CPU_ON 0xc4000003

static uint32_t lock;
static uint64_t locked_count, atomic_count;
static volatile uint64_t racy_count;
/* Start line and finish line, as store-release / load-acquire flags. */
static uint32_t cpu1_up, go, cpu1_done;

static void spin_lock(uint32_t *l)
{
    uint32_t tmp, failed;

    __asm__ volatile (
        "    sevl\n"
        "1:  wfe\n"
        "2:  ldaxr %w0, [%2]\n"
        "    cbnz %w0, 1b\n"
        "    stxr %w1, %w3, [%2]\n"
        "    cbnz %w1, 2b\n"
        : "=&r" (tmp), "=&r" (failed) : "r" (l), "r" (1) : "memory");
}

static void spin_unlock(uint32_t *l)
{
    __asm__ volatile ("stlr wzr, [%0]" : : "r" (l) : "memory");
}

static void atomic_add(uint64_t *p, uint64_t n)
{
    uint64_t tmp;
    uint32_t failed;

    __asm__ volatile (
        "1:  ldxr %0, [%2]\n"
        "    add %0, %0, %3\n"
        "    stxr %w1, %0, [%2]\n"
        "    cbnz %w1, 1b\n"
        : "=&r" (tmp), "=&r" (failed) : "r" (p), "r" (n) : "memory");
}

static void store_release(uint32_t *p, uint32_t v)
{
    __asm__ volatile ("stlr %w0, [%1]" : : "r" (v), "r" (p) : "memory");
}

static uint32_t load_acquire(const uint32_t *p)
{
    uint32_t v;

    __asm__ volatile ("ldar %w0, [%1]" : "=r" (v) : "r" (p) : "memory");
    return v;
}

static int64_t psci(uint64_t function, uint64_t a1, uint64_t a2, uint64_t a3)
{
    register uint64_t x0 __asm__("x0") = function;
    register uint64_t x1 __asm__("x1") = a1;
    register uint64_t x2 __asm__("x2") = a2;
    register uint64_t x3 __asm__("x3") = a3;

    __asm__ volatile ("hvc #0" : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3) : : "memory");
    return (int64_t)x0;
}

static uint64_t now(void)
{
    __asm__ volatile ("isb");
    return LKMC_SYSREG_READ(cntvct_el0);
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
    store_release(&cpu1_up, 1);
    while (!load_acquire(&go))
        ;
    work();
    store_release(&cpu1_done, 1);
    psci(PSCI_CPU_OFF, 0, 0, 0);
}

/* Stack from the CPU_ON context value, FP/SIMD, vectors and MMU, as
 * multicore.c. */
__asm__(
    ".text\n"
    ".global secondary_entry\n"
    "secondary_entry:\n"
    "    mov sp, x0\n"
    "    mov x0, #(3 << 20)\n"
    "    msr cpacr_el1, x0\n"
    "    ldr x0, =lkmc_vector_table\n"
    "    msr vbar_el1, x0\n"
    "    isb\n"
    "    bl lkmc_mmu_enable\n"
    "    bl secondary_main\n"
    "1:  wfe\n"
    "    b 1b\n"
);
extern char secondary_entry[];

static uint64_t secondary_stack[1024] __attribute__((aligned(16)));

static int wait_flag(const uint32_t *flag, uint64_t ticks)
{
    uint64_t deadline = now() + ticks;

    while (!load_acquire(flag) && now() < deadline)
        ;
    return load_acquire(flag);
}

int main(void)
{
    uint64_t freq = LKMC_SYSREG_READ(cntfrq_el0);
    int64_t ret;

    ret = psci(PSCI_CPU_ON, 1, (uintptr_t)secondary_entry,
               (uintptr_t)(secondary_stack + sizeof(secondary_stack) / sizeof(secondary_stack[0])));
    if (ret != 0 || !wait_flag(&cpu1_up, freq)) {
        printf("spinlock: could not start CPU 1 (CPU_ON returned %lld; -smp 2?)\n", (long long)ret);
        return 1;
    }
    store_release(&go, 1);
    work();
    if (!wait_flag(&cpu1_done, 10 * freq)) {
        puts("spinlock: CPU 1 did not finish");
        return 1;
    }
    printf("spinlock: locked %llu, atomic %llu (expected %u); the racy counter lost %llu updates\n",
           (unsigned long long)locked_count, (unsigned long long)atomic_count, 2 * ITER,
           (unsigned long long)(2 * ITER - racy_count));
    return locked_count != 2 * ITER || atomic_count != 2 * ITER;
}
