/* RDTSC: read the time stamp counter into %edx:%eax. It only increases,
 * so two reads around some work are ordered. (Its rate and whether it is
 * synchronized across cores depend on the CPU and on the emulator.)
 *
 * Run: lkmc run --userland userland/arch/x86_64/rdtsc.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    rdtsc
    shl $32, %rdx
    or %rax, %rdx
    mov %rdx, %r12
    mov $1000000, %rdi
    call lkmc_busy_loop
    rdtsc
    shl $32, %rdx
    or %rax, %rdx
    /* The second read is later. */
    cmp %r12, %rdx
    seta %r13b
    LKMC_ASSERT_EQ(%r13b, 1)
    /* rdtscp also waits for earlier instructions and returns the TSC_AUX in %ecx. */
    rdtscp
    shl $32, %rdx
    or %rax, %rdx
    cmp %r12, %rdx
    seta %r13b
    LKMC_ASSERT_EQ(%r13b, 1)
LKMC_EPILOGUE
