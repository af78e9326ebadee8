// SPDX-License-Identifier: GPL-2.0
/*
 * panic: stop the kernel on purpose. panic() prints "Kernel panic - not
 * syncing: hello panic", a stack trace ending in myinit [panic], stops the
 * other CPUs and then waits forever, or reboots after panic= seconds:
 * lkmc boots with panic=-1 (reboot at once) and QEMU with -no-reboot, so
 * QEMU exits and lkmc reports the kernel crash. panic() never returns.
 *
 * Try it in the guest:
 *   insmod panic.ko
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/printk.h>

static int __init myinit(void)
{
	pr_info("before panic\n");
	panic("hello panic");
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Call panic() when loaded");
MODULE_LICENSE("GPL");
