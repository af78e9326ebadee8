// SPDX-License-Identifier: GPL-2.0
/*
 * init_module: the pre-2.6 way to name a module's entry points. Without
 * module_init()/module_exit(), the kernel calls the functions that are
 * literally named init_module() and cleanup_module(). module_init(f) today
 * just makes init_module an alias of f.
 *
 * Try it in the guest:
 *   insmod init_module.ko; rmmod init_module; dmesg | tail -2
 * which shows "init_module: init_module" and "init_module: cleanup_module".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/printk.h>

int init_module(void)
{
	pr_info("%s\n", __func__);
	return 0;
}

void cleanup_module(void)
{
	pr_info("%s\n", __func__);
}

MODULE_DESCRIPTION("Old-style entry points init_module and cleanup_module");
MODULE_LICENSE("GPL");
