// SPDX-License-Identifier: GPL-2.0
/*
 * pmccntr: the ARM cycle counter, and letting userland read it. The
 * Performance Monitors unit has a cycle counter, PMCCNTR (PMCCNTR_EL0 on
 * aarch64), which counts only when enabled (PMCR.E and PMCNTENSET.C) and
 * which userland may read only when PMUSERENR.EN allows it; otherwise the
 * read is an undefined instruction (SIGILL). Normally the perf subsystem
 * owns the PMU; our kernel has none (CONFIG_PERF_EVENTS off), so this module
 * sets the bits itself on every CPU, prints two readings around a 1 ms
 * delay, and clears the bits again at rmmod. Under QEMU the "cycles" are
 * derived from virtual time, not from instructions executed.
 *
 * Try it in the guest (arm or aarch64):
 *   ./kernel_modules/pmccntr.out           # SIGILL: not allowed yet
 *   insmod pmccntr.ko; ./kernel_modules/pmccntr.out; rmmod pmccntr
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/types.h>

#define PMCR_E BIT(0)		/* enable all counters */
#define PMCR_D BIT(3)		/* count every 64th cycle */
#define PMCNTEN_C BIT(31)	/* the cycle counter */
#define PMUSERENR_EN BIT(0)	/* EL0 / user mode may access the PMU */

#if defined(CONFIG_ARM64)
#include <asm/sysreg.h>

static u64 read_pmccntr(void)
{
	return read_sysreg(pmccntr_el0);
}

static void pmu_enable(void *info)
{
	write_sysreg((read_sysreg(pmcr_el0) | PMCR_E) & ~PMCR_D, pmcr_el0);
	write_sysreg(PMCNTEN_C, pmcntenset_el0);
	write_sysreg(PMUSERENR_EN, pmuserenr_el0);
	isb();
}

static void pmu_disable(void *info)
{
	write_sysreg(0, pmuserenr_el0);
	write_sysreg(PMCNTEN_C, pmcntenclr_el0);
	isb();
}

#elif defined(CONFIG_ARM)
#include <asm/barrier.h>

static u64 read_pmccntr(void)
{
	u32 v;

	asm volatile("mrc p15, 0, %0, c9, c13, 0" : "=r"(v));
	return v;
}

static void pmu_enable(void *info)
{
	u32 pmcr;

	asm volatile("mrc p15, 0, %0, c9, c12, 0" : "=r"(pmcr));
	pmcr = (pmcr | PMCR_E) & ~PMCR_D;
	asm volatile("mcr p15, 0, %0, c9, c12, 0" : : "r"(pmcr));
	asm volatile("mcr p15, 0, %0, c9, c12, 1" : : "r"(PMCNTEN_C));
	asm volatile("mcr p15, 0, %0, c9, c14, 0" : : "r"(PMUSERENR_EN));
	isb();
}

static void pmu_disable(void *info)
{
	asm volatile("mcr p15, 0, %0, c9, c14, 0" : : "r"(0));
	asm volatile("mcr p15, 0, %0, c9, c12, 2" : : "r"(PMCNTEN_C));
	isb();
}

#else
#error "pmccntr: ARM only (arm, aarch64)"
#endif

static int __init myinit(void)
{
	u64 a, b;

	on_each_cpu(pmu_enable, NULL, 1);
	a = read_pmccntr();
	mdelay(1);
	b = read_pmccntr();
	pr_info("pmccntr = %llu, 1 ms later %llu, difference %llu\n", a, b, b - a);
	return 0;
}

static void __exit myexit(void)
{
	on_each_cpu(pmu_disable, NULL, 1);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Enable the ARM cycle counter PMCCNTR and its user access");
MODULE_LICENSE("GPL");
