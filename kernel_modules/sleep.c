// SPDX-License-Identifier: GPL-2.0
/*
 * sleep: module_init runs in process context, that of insmod, so it may
 * sleep. This one counts 0 to n - 1, one number every period_ms
 * milliseconds, with msleep(); insmod only returns when it is done, and
 * meanwhile the insmod process is in state D (uninterruptible sleep).
 * Sleeping is forbidden where no process can be put to sleep: in interrupt
 * handlers, timer callbacks or while holding a spinlock (see timer).
 *
 * Try it in the guest:
 *   time insmod sleep.ko n=5; dmesg | tail -5; rmmod sleep
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static unsigned int n = 5;
module_param(n, uint, 0444);
MODULE_PARM_DESC(n, "how many numbers to count");
static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers");

static int __init myinit(void)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		pr_info("%u\n", i);
		msleep(period_ms);
	}
	pr_info("done\n");
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Sleep in module_init");
MODULE_LICENSE("GPL");
