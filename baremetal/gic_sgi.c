/* gic_sgi.c: interrupts through the GICv2, with the simplest interrupt
 * source there is: a software generated interrupt (SGI) that the CPU sends
 * to itself by writing the distributor's GICD_SGIR. SGIs are how one CPU
 * interrupts another (Linux's IPIs: reschedule, TLB shootdown, ...).
 *
 * The path of an interrupt: GICD_SGIR makes SGI 5 pending for CPU 0; the
 * distributor forwards it (GICD_CTLR, GICD_ISENABLER, priority in
 * GICD_IPRIORITYR) to CPU 0's interface, which signals IRQ if the priority
 * passes GICC_PMR; the core takes the IRQ exception only when IRQs are
 * unmasked (PSTATE.I on aarch64, CPSR.I on arm; both are set at reset). The
 * handler reads GICC_IAR (which says which interrupt, and for an SGI which
 * CPU sent it, and makes it active) and writes that value to GICC_EOIR when
 * done. Checked: a masked SGI stays pending (GICC_HPPIR shows it) and is
 * taken as soon as IRQs are unmasked, then the other N - 1 one by one, each
 * reported by GICC_IAR as SGI 5 from this CPU. */

#include <stdio.h>

#include <lkmc_baremetal.h>
#include <lkmc_gic.h>

#if defined(__aarch64__)
/* IRQ taken from EL1 running on SP_EL1. */
#define IRQ_VECTOR LKMC_VECTOR_IRQ_SPX
#elif defined(__arm__)
#define IRQ_VECTOR LKMC_VECTOR_IRQ
#endif

/* GICC_HPPIR: the highest priority pending interrupt, without acking it. */
#define GICC_HPPIR 0x018

#define SGI 5
#define N 10
/* Iterations to wait for an interrupt that should come at once. */
#define PATIENCE 1000000

static volatile unsigned int count, bad_id;
static volatile uint32_t last_iar;

/* Runs with IRQs masked, as every exception handler: keep it short. */
int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t iar;

    (void)frame;
    if (vector != IRQ_VECTOR)
        return 0;
    iar = lkmc_gic_ack();
    /* Spurious: whatever was pending went away; nothing to EOI. */
    if (LKMC_GIC_IAR_ID(iar) == LKMC_GIC_SPURIOUS)
        return 1;
    if (LKMC_GIC_IAR_ID(iar) != SGI)
        bad_id = LKMC_GIC_IAR_ID(iar);
    last_iar = iar;
    count++;
    lkmc_gic_eoi(iar);
    return 1;
}

static int wait_count(unsigned int target)
{
    for (int i = 0; i < PATIENCE && count < target; i++)
        ;
    return count == target;
}

int main(void)
{
    uint32_t typer = lkmc_read32(LKMC_GICD_BASE + LKMC_GICD_TYPER);
    uint32_t hppir;
    unsigned int me = lkmc_cpu_id();

    /* GICD_TYPER: ITLinesNumber (4:0) gives 32 * (N + 1) interrupt IDs,
     * CPUNumber (7:5) the CPU interfaces minus one. */
    printf("gic_sgi: GICD_TYPER 0x%lx: %lu interrupt IDs, %lu CPUs; GICD_IIDR 0x%lx\n",
           (unsigned long)typer, 32 * ((unsigned long)(typer & 0x1f) + 1),
           (unsigned long)((typer >> 5) & 7) + 1,
           (unsigned long)lkmc_read32(LKMC_GICD_BASE + LKMC_GICD_IIDR));

    lkmc_gic_init();
    lkmc_gic_enable(SGI, 0x80);

    lkmc_gic_send_sgi(SGI, 1 << me);
    /* IRQs are still masked: nothing is taken, the SGI waits. */
    if (wait_count(1) || count != 0) {
        puts("gic_sgi: interrupt taken while IRQs were masked");
        return 1;
    }
    hppir = lkmc_read32(LKMC_GICC_BASE + GICC_HPPIR);
    printf("gic_sgi: masked, GICC_HPPIR shows pending ID %lu\n",
           (unsigned long)LKMC_GIC_IAR_ID(hppir));
    if (LKMC_GIC_IAR_ID(hppir) != SGI) {
        printf("gic_sgi: expected ID %u pending\n", SGI);
        return 1;
    }

    lkmc_irq_enable();
    if (!wait_count(1)) {
        puts("gic_sgi: pending SGI not taken after unmasking IRQs");
        return 1;
    }
    for (unsigned int i = 2; i <= N; i++) {
        lkmc_gic_send_sgi(SGI, 1 << me);
        if (!wait_count(i)) {
            printf("gic_sgi: SGI %u not taken, count %u\n", i, count);
            return 1;
        }
    }
    lkmc_irq_disable();
    lkmc_gic_disable(SGI);

    printf("gic_sgi: %u interrupts, last GICC_IAR 0x%lx (ID %lu from CPU %lu)\n", count,
           (unsigned long)last_iar, (unsigned long)LKMC_GIC_IAR_ID(last_iar),
           (unsigned long)LKMC_GIC_IAR_CPU(last_iar));
    if (count != N || bad_id || LKMC_GIC_IAR_ID(last_iar) != SGI ||
        LKMC_GIC_IAR_CPU(last_iar) != me) {
        printf("gic_sgi: expected %u of ID %u from CPU %u (bad ID seen: %u)\n",
               N, SGI, me, bad_id);
        return 1;
    }
    return 0;
}
