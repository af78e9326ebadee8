/* timer.c: periodic interrupts from the generic timer, through the GIC.
 *
 * Cores with the generic timer extension (ID_PFR1.GenTimer, e.g. Cortex-A15)
 * have a system counter ticking at CNTFRQ Hz, read as the 64-bit CNTVCT
 * (virtual count, mrrc p15, 1, Rt, Rt2, c14), and per-CPU timers that
 * compare against it. The PL1 virtual timer is programmed through CP15 c14:
 * CNTV_TVAL (c14, c3, 0: fire in this many ticks, it sets CNTV_CVAL = count
 * + TVAL) and CNTV_CTL (c14, c3, 1: ENABLE bit 0, IMASK bit 1, ISTATUS bit 2
 * = condition met). While the condition holds and IMASK is clear, the timer
 * drives a level interrupt: PPI 27 at the GIC (lkmc_gic.h). So the handler
 * must push the compare value forward (new TVAL) or disable the timer
 * before the EOI (GICC_EOIR), or the interrupt fires again at once. IRQs are
 * taken in IRQ mode through VBAR + 0x18; the runtime moves to SVC mode's
 * stack to call the handler.
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

#define CNTV_TVAL_WRITE(v) LKMC_CP15_WRITE(0, c14, c3, 0, v)
#define CNTV_CTL_READ() LKMC_CP15_READ(0, c14, c3, 1)
#define CNTV_CTL_WRITE(v) LKMC_CP15_WRITE(0, c14, c3, 1, v)

static uint32_t period;
static volatile unsigned int count, others;
static volatile uint64_t when[N];

static uint64_t now(void)
{
    uint64_t v;

    /* isb: without it the counter read may happen early, out of order. */
    __asm__ volatile ("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r" (v));
    return v;
}

/* Runs with IRQs masked, as every exception handler: keep it short. */
int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t iar;

    (void)frame;
    if (vector != LKMC_VECTOR_IRQ)
        return 0;
    iar = lkmc_gic_ack();
    if (LKMC_GIC_IAR_ID(iar) == LKMC_GIC_SPURIOUS)
        return 1;
    if (LKMC_GIC_IAR_ID(iar) == LKMC_IRQ_VIRTUAL_TIMER && (CNTV_CTL_READ() & CNTV_CTL_ISTATUS)) {
        if (count < N)
            when[count] = now();
        count++;
        if (count < N)
            CNTV_TVAL_WRITE(period);
        else
            CNTV_CTL_WRITE(0);
        /* The timer must have lowered its line before the EOI. */
        __asm__ volatile ("isb");
    } else {
        others++;
    }
    lkmc_gic_eoi(iar);
    return 1;
}

int main(void)
{
    uint32_t freq = LKMC_CP15_READ(0, c14, c0, 0);
    uint64_t start, deadline;
    int fails = 0;

    period = freq / 1000 * PERIOD_MS;
    lkmc_gic_init();
    lkmc_gic_enable(LKMC_IRQ_VIRTUAL_TIMER, 0x80);
    lkmc_irq_enable();

    start = now();
    CNTV_TVAL_WRITE(period);
    CNTV_CTL_WRITE(CNTV_CTL_ENABLE);
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

    printf("timer: CNTFRQ %lu Hz, period %lu ticks, %u interrupts (expected %u), %u others\n",
           (unsigned long)freq, (unsigned long)period, count, N, others);
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
