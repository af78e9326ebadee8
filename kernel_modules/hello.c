// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the smallest useful module. module_init() names the function run
 * by insmod, module_exit() the one run by rmmod; both just print.
 *
 * Try it in the guest:
 *   insmod hello.ko; rmmod hello; dmesg | tail -2
 * which shows "hello: init" and "hello: cleanup".
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
MODULE_DESCRIPTION("Print a line when loaded and when unloaded");
MODULE_LICENSE("GPL");
