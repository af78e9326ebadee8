/* lkmc_baremetal.h: the interface of lkmc's baremetal runtime
 * (baremetal/lib/), for programs that run on the bare CPU of QEMU's virt
 * board, without Linux.
 *
 * The runtime gives every program: an entry point that sets up the stack,
 * FP/SIMD, .data, .bss, the MMU (an identity map, RAM cacheable) and TLS and
 * calls main (lib/<arch>/start.S, lib/runtime.c); picolibc's
 * stdio on the board's PL011 UART (printf, getchar); exit() and a return from
 * main end the emulator with that status through semihosting; an exception
 * vector table that calls lkmc_exception() below.
 *
 * `lkmc build baremetal` compiles with -DLKMC_MACHINE_<MACHINE> (e.g.
 * LKMC_MACHINE_VIRT), which selects the device addresses below, and links at
 * the RAM address of the machine. */
#ifndef LKMC_BAREMETAL_H
#define LKMC_BAREMETAL_H

#include <stdint.h>

/* Device addresses of each machine, from its device tree. */
#if defined(LKMC_MACHINE_VIRT)
/* QEMU -M virt, arm and aarch64. */
#define LKMC_UART_BASE 0x09000000UL
/* GICv2 (the virt board's default): distributor and CPU interface. */
#define LKMC_GICD_BASE 0x08000000UL
#define LKMC_GICC_BASE 0x08010000UL
#elif defined(LKMC_MACHINE_VEXPRESS_GEM5_V1)
/* gem5's VExpress_GEM5_V1. */
#define LKMC_UART_BASE 0x1c090000UL
#define LKMC_GICD_BASE 0x2c001000UL
#define LKMC_GICC_BASE 0x2c002000UL
#else
#error "no machine: build with lkmc build baremetal (it passes -DLKMC_MACHINE_...)"
#endif

/* Generic timer interrupts (PPI numbers as the GIC counts them). */
#define LKMC_IRQ_VIRTUAL_TIMER 27
#define LKMC_IRQ_PHYSICAL_TIMER 30

#if defined(__aarch64__)

/* Interrupted state, as the vector entry saved it on the stack. Changing a
 * field changes what eret restores. */
struct lkmc_frame {
    uint64_t x[31];
    /* ELR_EL1: where execution resumes (the svc's next instruction, or the
     * faulting one for aborts). */
    uint64_t pc;
    uint64_t spsr;
    /* ESR_EL1: exception class in bits 31:26 (LKMC_ESR_EC). */
    uint64_t esr;
};

/* Vector indexes: groups of four (sync, irq, fiq, serror) for current EL
 * with SP_EL0, current EL with SP_ELx, lower EL AArch64, lower EL AArch32. */
enum {
    LKMC_VECTOR_SYNC_SP0 = 0,
    LKMC_VECTOR_IRQ_SP0 = 1,
    LKMC_VECTOR_SYNC_SPX = 4,
    LKMC_VECTOR_IRQ_SPX = 5,
    LKMC_VECTOR_SYNC_LOWER = 8,
    LKMC_VECTOR_IRQ_LOWER = 9,
};

#define LKMC_ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define LKMC_ESR_EC_SVC64 0x15
#define LKMC_ESR_EC_BRK64 0x3c

/* Read and write a system register by name: LKMC_SYSREG_READ(currentel). */
#define LKMC_SYSREG_READ(name) ({ \
    uint64_t lkmc_v; \
    __asm__ volatile ("mrs %0, " #name : "=r" (lkmc_v)); \
    lkmc_v; \
})
#define LKMC_SYSREG_WRITE(name, value) \
    __asm__ volatile ("msr " #name ", %0" : : "r" ((uint64_t)(value)) : "memory")

#elif defined(__arm__)

/* Interrupted state, as the vector entry saved it on the SVC-mode stack.
 * Changing a field changes what rfe restores. */
struct lkmc_frame {
    uint32_t r[13];
    /* lr of SVC mode (of the interrupted code, unless it was an svc). */
    uint32_t lr;
    /* Where execution resumes: the next instruction for undef, svc and
     * interrupts, the faulting one for aborts. */
    uint32_t pc;
    /* CPSR of the interrupted code (mode in bits 4:0, T in bit 5). */
    uint32_t cpsr;
};

enum {
    LKMC_VECTOR_UNDEF = 1,
    LKMC_VECTOR_SVC = 2,
    LKMC_VECTOR_PREFETCH_ABORT = 3,
    LKMC_VECTOR_DATA_ABORT = 4,
    LKMC_VECTOR_IRQ = 6,
    LKMC_VECTOR_FIQ = 7,
};

/* Read and write a CP15 register: LKMC_CP15_READ(0, c0, c0, 5) is MPIDR. */
#define LKMC_CP15_READ(op1, crn, crm, op2) ({ \
    uint32_t lkmc_v; \
    __asm__ volatile ("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r" (lkmc_v)); \
    lkmc_v; \
})
#define LKMC_CP15_WRITE(op1, crn, crm, op2, value) \
    __asm__ volatile ("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
                      : : "r" ((uint32_t)(value)) : "memory")

#endif

/* Called for every exception with the saved state and the vector index.
 * Define it in a program to handle exceptions: return 1 when handled (the
 * interrupted code resumes at frame->pc), 0 to let the runtime print the
 * state and exit with status 1. The runtime's own definition is weak and
 * returns 0. The entry saves the FP/SIMD registers too (the low 128 bits
 * of SVE's), so a handler may call printf. */
int lkmc_exception(struct lkmc_frame *frame, unsigned int vector);

/* Print the saved registers of an exception. */
void lkmc_frame_print(const struct lkmc_frame *frame, unsigned int vector);

/* The MMU, on from start-up (identity map; see lib/runtime.c). A secondary
 * CPU calls lkmc_mmu_enable() early: the tables are shared, but the
 * registers that point at them and turn the MMU on are per CPU. Until then
 * its RAM accesses are to Device memory, where unaligned ones fault. */
void lkmc_mmu_enable(void);

/* The UART, polled: no interrupts needed. getc blocks. */
void lkmc_uart_putc(char c);
int lkmc_uart_getc(void);

/* End the emulator with this exit status (semihosting SYS_EXIT). */
__attribute__((noreturn)) void lkmc_semihost_exit(int status);

/* Affinity level 0 of MPIDR: 0 for the boot CPU, 1, 2, ... for the others. */
unsigned int lkmc_cpu_id(void);

/* 32-bit MMIO. */
static inline void lkmc_write32(uintptr_t addr, uint32_t value)
{
    *(volatile uint32_t *)addr = value;
}

static inline uint32_t lkmc_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

#endif
