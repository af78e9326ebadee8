/* lkmc_gic.h: a tiny driver for the GICv2 interrupt controller of QEMU's virt
 * board (lib/gic.c), shared by the examples that take interrupts.
 *
 * A GICv2 has two parts: the distributor (GICD_*, one per system) decides
 * which interrupt is enabled, its priority and which CPU gets it; each CPU has
 * a CPU interface (GICC_*) that signals IRQ to its core and through which the
 * handler acknowledges (GICC_IAR) and completes (GICC_EOIR) the interrupt.
 * Interrupt IDs 0-15 are SGIs (software generated, GICD_SGIR), 16-31 PPIs
 * (private to each CPU, e.g. the generic timers) and 32+ SPIs (devices).
 */
#ifndef LKMC_GIC_H
#define LKMC_GIC_H

#include <stdint.h>

#include <lkmc_baremetal.h>

/* Distributor registers (offsets from LKMC_GICD_BASE). */
#define LKMC_GICD_CTLR 0x000
#define LKMC_GICD_TYPER 0x004
#define LKMC_GICD_IIDR 0x008
#define LKMC_GICD_ISENABLER 0x100
#define LKMC_GICD_ICENABLER 0x180
#define LKMC_GICD_ICPENDR 0x280
#define LKMC_GICD_IPRIORITYR 0x400
#define LKMC_GICD_ITARGETSR 0x800
#define LKMC_GICD_SGIR 0xf00

/* CPU interface registers (offsets from LKMC_GICC_BASE). */
#define LKMC_GICC_CTLR 0x000
#define LKMC_GICC_PMR 0x004
#define LKMC_GICC_IAR 0x00c
#define LKMC_GICC_EOIR 0x010
#define LKMC_GICC_IIDR 0x0fc

/* GICC_IAR: interrupt ID in bits 9:0; for SGIs, the CPU that sent it in bits
 * 12:10. ID 1023 means nothing was pending (spurious). */
#define LKMC_GIC_IAR_ID(iar) ((iar) & 0x3ff)
#define LKMC_GIC_IAR_CPU(iar) (((iar) >> 10) & 0x7)
#define LKMC_GIC_SPURIOUS 1023

/* Turn on the distributor and the calling CPU's interface, letting every
 * priority through. Call once, on the boot CPU. */
void lkmc_gic_init(void);

/* Turn on the calling CPU's interface only: for secondary CPUs, once the boot
 * CPU called lkmc_gic_init(). */
void lkmc_gic_cpu_init(void);

/* Enable interrupt ID irq at this priority (0 is the most urgent; the
 * virt GIC implements the top 5 bits). For SGIs and PPIs this acts on the
 * calling CPU's banked copy only. */
void lkmc_gic_enable(unsigned int irq, uint8_t priority);
void lkmc_gic_disable(unsigned int irq);

/* Acknowledge the highest priority pending interrupt: returns GICC_IAR, which
 * must be given back to lkmc_gic_eoi() when the handler is done. */
uint32_t lkmc_gic_ack(void);
void lkmc_gic_eoi(uint32_t iar);

/* GICD_SGIR: send SGI sgi (0-15) to the CPUs of the bit mask cpus (bit n is
 * CPU interface n). */
void lkmc_gic_send_sgi(unsigned int sgi, unsigned int cpus);

/* Unmask and mask IRQs on the calling CPU (PSTATE.I / CPSR.I). */
static inline void lkmc_irq_enable(void)
{
#if defined(__aarch64__)
    __asm__ volatile ("msr daifclr, #2" : : : "memory");
#elif defined(__arm__)
    __asm__ volatile ("cpsie i" : : : "memory");
#endif
}

static inline void lkmc_irq_disable(void)
{
#if defined(__aarch64__)
    __asm__ volatile ("msr daifset, #2" : : : "memory");
#elif defined(__arm__)
    __asm__ volatile ("cpsid i" : : : "memory");
#endif
}

/* Sleep until an interrupt (or event) is pending. */
static inline void lkmc_wfi(void)
{
    __asm__ volatile ("wfi" : : : "memory");
}

#endif
