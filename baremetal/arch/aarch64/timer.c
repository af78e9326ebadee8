/* timer.c: periodic interrupts from the generic timer, through the GIC.
 *
 * Every ARMv8 CPU has a system counter that ticks at CNTFRQ_EL0 Hz, read as
 * CNTVCT_EL0 (virtual count), and per-CPU timers that compare against it.
 * The EL1 virtual timer is programmed with CNTV_TVAL_EL0 (fire in this many
 * ticks: it sets CNTV_CVAL_EL0 = count + TVAL) and CNTV_CTL_EL0 (ENABLE bit
 * 0, IMASK bit 1, ISTATUS bit 2 = condition met). While the condition holds
 * and IMASK is clear, the timer drives a level interrupt: PPI 27 at the GIC
 * (lkmc_gic.h). So the handler must push the compare value forward (new
 * TVAL) or disable the timer before the EOI (GICC_EOIR), or the interrupt
 * fires again at once.
 *
 * Checked: exactly N interrupts, each at least one period after the previous
 * one, and none after the timer is disabled. Waiting is a spin on the counter
 * with a deadline rather than wfi, so that a broken interrupt path fails the
 * test instead of hanging it. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>
#include <lkmc_gic.h>

#define N 5
#define PERIOD_MS 10

#define CNTV_CTL_ENABLE (1 << 0)
#define CNTV_CTL_ISTATUS (1 << 2)

static uint64_t period;
static volatile unsigned int count, others;
static volatile uint64_t when[N];

/* Runs with IRQs masked, as every exception handler: keep it short. */
int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t iar;

    (void)frame;
    if (vector != LKMC_VECTOR_IRQ_SPX)
        return 0;
    iar = lkmc_gic_ack();
    if (LKMC_GIC_IAR_ID(iar) == LKMC_GIC_SPURIOUS)
        return 1;
    if (LKMC_GIC_IAR_ID(iar) == LKMC_IRQ_VIRTUAL_TIMER &&
        (LKMC_SYSREG_READ(cntv_ctl_el0) & CNTV_CTL_ISTATUS)) {
        if (count < N)
            when[count] = LKMC_SYSREG_READ(cntvct_el0);
        count++;
        if (count < N)
            LKMC_SYSREG_WRITE(cntv_tval_el0, period);
        else
            LKMC_SYSREG_WRITE(cntv_ctl_el0, 0);
        /* The timer must have lowered its line before the EOI. */
        __asm__ volatile ("isb");
    } else {
        others++;
    }
    lkmc_gic_eoi(iar);
    return 1;
}

static uint64_t now(void)
{
    /* isb: without it the counter read may happen early, out of order. */
    __asm__ volatile ("isb");
    return LKMC_SYSREG_READ(cntvct_el0);
}

int main(void)
{
    uint64_t freq = LKMC_SYSREG_READ(cntfrq_el0);
    uint64_t start, deadline;
    int fails = 0;

    period = freq / 1000 * PERIOD_MS;
    lkmc_gic_init();
    lkmc_gic_enable(LKMC_IRQ_VIRTUAL_TIMER, 0x80);
    lkmc_irq_enable();

    start = now();
    LKMC_SYSREG_WRITE(cntv_tval_el0, period);
    LKMC_SYSREG_WRITE(cntv_ctl_el0, CNTV_CTL_ENABLE);
    /* A generous second for N periods (a loaded host delays QEMU), then
     * three more periods to see that no interrupt comes after the timer was
     * disabled. */
    deadline = start + freq;
    while (count < N && now() < deadline)
        ;
    deadline = now() + 3 * period;
    while (now() < deadline)
        ;
    lkmc_irq_disable();

    printf("timer: CNTFRQ_EL0 %llu Hz, period %llu ticks, %u interrupts (expected %u), %u others\n",
           (unsigned long long)freq, (unsigned long long)period, count, N, others);
    if (count != N || others != 0)
        fails++;
    for (unsigned int i = 0; i < N && i < count; i++) {
        uint64_t prev = i ? when[i - 1] : start;

        printf("timer: interrupt %u after %llu ticks\n", i, (unsigned long long)(when[i] - prev));
        if (when[i] - prev < period)
            fails++;
    }
    return fails != 0;
}
