/* irq_fp.c: an interrupt handler that uses the VFP/NEON registers, taken in
 * the middle of FP code.
 *
 * An interrupt can arrive between any two instructions, so whatever the
 * handler changes, the interrupted code must find as it left it. The general
 * registers are obviously at stake; the VFP/NEON registers (d0-d31, FPSCR)
 * are too as soon as the handler is C: gcc uses them for floating point and
 * also for plain copies. The runtime's vector entry (lib/arm/start.S) saves
 * and restores d0-d31 and FPSCR around lkmc_exception(). Here the generic virtual timer fires every millisecond
 * while main sums a series in double precision kept in registers; the
 * handler formats a double with snprintf each time. The sum must come out
 * bit for bit as it does with interrupts off. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>
#include <lkmc_gic.h>

#define CNTV_CTL_ENABLE (1 << 0)
/* CNTV_TVAL and CNTV_CTL (ARM ARM B4.1.32). */
#define CNTV_TVAL_WRITE(v) LKMC_CP15_WRITE(0, c14, c3, 0, v)
#define CNTV_CTL_WRITE(v) LKMC_CP15_WRITE(0, c14, c3, 1, v)

static uint32_t period;
static volatile unsigned int count;
static char text[64];

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    uint32_t iar;

    (void)frame;
    if (vector != LKMC_VECTOR_IRQ)
        return 0;
    iar = lkmc_gic_ack();
    if (LKMC_GIC_IAR_ID(iar) == LKMC_IRQ_VIRTUAL_TIMER) {
        count++;
        /* FP work that clobbers many vector registers. */
        snprintf(text, sizeof(text), "%.6f", 1.0 / (count + 3.0));
        CNTV_TVAL_WRITE(period);
        __asm__ volatile ("isb");
    }
    lkmc_gic_eoi(iar);
    return 1;
}

/* The Leibniz series for pi/4, long enough to span many interrupts.
 * Optimized even in lkmc's -O0 builds, so that sum and sign live in FP
 * registers for the whole loop instead of going back to the stack. */
__attribute__((optimize("O2"), noinline)) static double series(unsigned long n)
{
    double sum = 0.0, sign = 1.0;

    for (unsigned long i = 0; i < n; i++) {
        sum += sign / (2.0 * i + 1.0);
        sign = -sign;
    }
    return sum;
}

int main(void)
{
    const unsigned long n = 2000000;
    double quiet, interrupted;

    quiet = series(n);
    period = LKMC_CP15_READ(0, c14, c0, 0) / 1000;
    lkmc_gic_init();
    lkmc_gic_enable(LKMC_IRQ_VIRTUAL_TIMER, 0x80);
    CNTV_TVAL_WRITE(period);
    CNTV_CTL_WRITE(CNTV_CTL_ENABLE);
    lkmc_irq_enable();
    interrupted = series(n);
    lkmc_irq_disable();
    CNTV_CTL_WRITE(0);

    printf("irq_fp: %u interrupts during the sum, the handler's last text \"%s\"\n", count, text);
    printf("irq_fp: sum %.17g with interrupts, %.17g without\n", interrupted, quiet);
    if (count == 0) {
        puts("irq_fp: no interrupt came during the sum; nothing was tested");
        return 1;
    }
    return interrupted != quiet;
}
