// SPDX-License-Identifier: GPL-2.0
/*
 * dep: exports a symbol for dep2 to use. EXPORT_SYMBOL() puts lkmc_dep in
 * the kernel's symbol table, so a module loaded later can link against it;
 * modpost records the dependency in dep2.ko ("depends=dep"), which depmod
 * turns into a modules.dep line so that "modprobe dep2" loads dep first.
 * While dep2 is loaded, dep's use count is 1 and rmmod dep fails.
 *
 * Try it in the guest:
 *   insmod dep.ko; insmod dep2.ko; lsmod; grep lkmc_dep /proc/kallsyms
 *   rmmod dep2; rmmod dep; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

#include "dep.h"

/* dep2 increments this; we print it when unloaded. */
u32 lkmc_dep;
EXPORT_SYMBOL(lkmc_dep);

static int __init myinit(void)
{
	pr_info("init lkmc_dep = %u\n", lkmc_dep);
	return 0;
}

static void __exit myexit(void)
{
	pr_info("exit lkmc_dep = %u\n", lkmc_dep);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Export a symbol for dep2");
MODULE_LICENSE("GPL");
