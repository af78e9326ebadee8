/* A tiny GICv2 driver: see include/lkmc_gic.h. */

#include <stdint.h>

#include <lkmc_baremetal.h>
#include <lkmc_gic.h>

void lkmc_gic_cpu_init(void)
{
    /* GICC_PMR: only interrupts of a priority value below this one reach the
     * core; 0xff lets all through. */
    lkmc_write32(LKMC_GICC_BASE + LKMC_GICC_PMR, 0xff);
    lkmc_write32(LKMC_GICC_BASE + LKMC_GICC_CTLR, 1);
}

void lkmc_gic_init(void)
{
    lkmc_write32(LKMC_GICD_BASE + LKMC_GICD_CTLR, 1);
    lkmc_gic_cpu_init();
}

void lkmc_gic_enable(unsigned int irq, uint8_t priority)
{
    /* Byte-wide registers: one priority byte and one target byte per ID. */
    *(volatile uint8_t *)(LKMC_GICD_BASE + LKMC_GICD_IPRIORITYR + irq) = priority;
    /* SPIs go to nobody until routed; route them to the calling CPU. SGI and
     * PPI targets are read-only. */
    if (irq >= 32)
        *(volatile uint8_t *)(LKMC_GICD_BASE + LKMC_GICD_ITARGETSR + irq) =
            1 << lkmc_cpu_id();
    /* Set-enable registers: writing 1 enables, 0 leaves alone, so no
     * read-modify-write race with other CPUs. */
    lkmc_write32(LKMC_GICD_BASE + LKMC_GICD_ISENABLER + 4 * (irq / 32),
                 1U << (irq % 32));
}

void lkmc_gic_disable(unsigned int irq)
{
    lkmc_write32(LKMC_GICD_BASE + LKMC_GICD_ICENABLER + 4 * (irq / 32),
                 1U << (irq % 32));
}

uint32_t lkmc_gic_ack(void)
{
    return lkmc_read32(LKMC_GICC_BASE + LKMC_GICC_IAR);
}

void lkmc_gic_eoi(uint32_t iar)
{
    lkmc_write32(LKMC_GICC_BASE + LKMC_GICC_EOIR, iar);
}

void lkmc_gic_send_sgi(unsigned int sgi, unsigned int cpus)
{
    /* TargetListFilter 0 (bits 25:24): send to the CPUs of CPUTargetList
     * (bits 23:16). */
    lkmc_write32(LKMC_GICD_BASE + LKMC_GICD_SGIR, ((cpus & 0xff) << 16) | (sgi & 0xf));
}
