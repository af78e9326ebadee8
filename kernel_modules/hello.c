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

static int __init hello_init(void)
{
	pr_info("init\n");
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("cleanup\n");
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_DESCRIPTION("Print a line when loaded and when unloaded");
MODULE_LICENSE("GPL");
