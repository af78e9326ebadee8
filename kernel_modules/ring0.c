// SPDX-License-Identifier: GPL-2.0
/*
 * ring0: what only ring 0 may do on x86_64. The kernel runs with current
 * privilege level 0, so it can read the control registers: CR0 (bit 0 PE:
 * protected mode, bit 31 PG: paging), CR2 (the address of the last page
 * fault) and CR3 (the physical address of the current page table). The
 * reading code is in ring0.h, shared with the userland program
 * userland/kernel_modules/ring0.c, whose identical instructions get a
 * general protection fault, which Linux delivers as SIGSEGV.
 *
 * Try it in the guest:
 *   insmod ring0.ko; rmmod ring0; dmesg | tail -3
 *   ./kernel_modules/ring0.out      # the same code in ring 3: SIGSEGV
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

#include "ring0.h"

static int __init myinit(void)
{
	struct lkmc_ring0_regs r;

	lkmc_ring0_get_control_regs(&r);
	pr_info("cr0 = 0x%016lx PE = %lu PG = %lu\n", r.cr0, r.cr0 & 1, r.cr0 >> 31 & 1);
	pr_info("cr2 = 0x%016lx\n", r.cr2);
	pr_info("cr3 = 0x%016lx\n", r.cr3);
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Read the x86_64 control registers CR0, CR2 and CR3");
MODULE_LICENSE("GPL");
