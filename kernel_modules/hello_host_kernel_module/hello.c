// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the smallest module, built against the kernel your own machine
 * runs, outside lkmc's emulated guests.
 *
 *   sudo apt-get install linux-headers-$(uname -r)
 *   make
 *   sudo insmod hello.ko && sudo dmesg | tail -1 && sudo rmmod hello
 *
 * Loading modules into your host kernel is riskier than into a guest: a bug
 * here can take your machine down. Prefer `lkmc run` for experiments.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init hello_init(void)
{
	pr_info("hello init\n");
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("hello exit\n");
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Hello world module for the host's own kernel");
