// SPDX-License-Identifier: GPL-2.0
/*
 * hello2: a second module just like hello, to show that several modules
 * live in the kernel at once, each listed in /proc/modules (and lsmod) with
 * its own load address, and that unload order is free when nothing depends
 * on anything.
 *
 * Try it in the guest:
 *   insmod hello.ko; insmod hello2.ko; lsmod; rmmod hello; rmmod hello2
 *   dmesg | tail -4
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init myinit(void)
{
	pr_info("init\n");
	return 0;
}

static void __exit myexit(void)
{
	pr_info("cleanup\n");
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A second hello, to load next to the first");
MODULE_LICENSE("GPL");
