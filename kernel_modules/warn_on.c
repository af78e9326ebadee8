// SPDX-License-Identifier: GPL-2.0
/*
 * warn_on: report a "should not happen" condition and keep going.
 * WARN_ON(cond) prints "WARNING: CPU: ... at <file>:<line> myinit" with the
 * registers and a stack trace when cond is true, taints the kernel (W) and
 * returns cond, so the caller can still recover. With
 * /proc/sys/kernel/panic_on_warn set to 1 (or panic_on_warn on the kernel
 * command line, as fuzzers run), a warning panics the kernel instead; that
 * is how lkmc's test uses this module.
 *
 * Try it in the guest:
 *   insmod warn_on.ko; rmmod warn_on; dmesg | tail -30
 *   echo 1 > /proc/sys/kernel/panic_on_warn; insmod warn_on.ko   # panic
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bug.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init myinit(void)
{
	pr_info("before WARN_ON\n");
	if (WARN_ON(1))
		pr_info("after WARN_ON: still running\n");
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("WARN_ON: a warning with a stack trace, or a panic with panic_on_warn");
MODULE_LICENSE("GPL");
