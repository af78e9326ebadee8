/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read the x86_64 control registers CR0, CR2 and CR3. The same code is
 * used by ring0.ko, where it works because the kernel runs in ring 0, and
 * by userland/kernel_modules/ring0.c, where the CPU refuses it with a
 * general protection fault (SIGSEGV) because userland runs in ring 3.
 */
#ifndef LKMC_RING0_H
#define LKMC_RING0_H

struct lkmc_ring0_regs {
	unsigned long cr0;
	unsigned long cr2;
	unsigned long cr3;
};

static inline void lkmc_ring0_get_control_regs(struct lkmc_ring0_regs *r)
{
	__asm__ __volatile__ ("mov %%cr0, %0" : "=r" (r->cr0));
	__asm__ __volatile__ ("mov %%cr2, %0" : "=r" (r->cr2));
	__asm__ __volatile__ ("mov %%cr3, %0" : "=r" (r->cr3));
}

#endif
