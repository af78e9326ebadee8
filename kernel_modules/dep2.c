// SPDX-License-Identifier: GPL-2.0
/*
 * dep2: uses the symbol lkmc_dep exported by dep, so it can only be loaded
 * after dep (insmod dep2.ko alone fails with "Unknown symbol lkmc_dep"),
 * and dep cannot be unloaded while dep2 is in. modinfo dep2.ko shows
 * "depends: dep"; modprobe reads that from modules.dep and loads dep first.
 *
 * Try it in the guest:
 *   insmod dep2.ko                      # fails: Unknown symbol
 *   insmod dep.ko; insmod dep2.ko; rmmod dep   # rmmod fails: in use
 *   rmmod dep2; rmmod dep; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

#include "dep.h"

static int __init myinit(void)
{
	lkmc_dep++;
	pr_info("init lkmc_dep = %u\n", lkmc_dep);
	return 0;
}

static void __exit myexit(void)
{
	lkmc_dep++;
	pr_info("exit lkmc_dep = %u\n", lkmc_dep);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Use the symbol that dep exports");
MODULE_LICENSE("GPL");
