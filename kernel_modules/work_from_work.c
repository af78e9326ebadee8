// SPDX-License-Identifier: GPL-2.0
/*
 * work_from_work: a work item that queues itself again, as a periodic job
 * in process context. A delayed_work is a work item plus a timer:
 * schedule_delayed_work() puts it on the kernel's shared system workqueue
 * after the given delay. The function prints 0 to 9 over and over and
 * re-queues its own delayed_work each time, every period_ms milliseconds.
 * At exit, cancel_delayed_work_sync() both stops the timer and waits for a
 * running instance; it is made for work that re-queues itself.
 *
 * Try it in the guest:
 *   insmod work_from_work.ko; sleep 3; rmmod work_from_work; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/workqueue.h>

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two runs");

static void work_func(struct work_struct *work);
static DECLARE_DELAYED_WORK(work, work_func);
static unsigned int i;

static void work_func(struct work_struct *unused)
{
	pr_info("%u\n", i);
	i = (i + 1) % 10;
	schedule_delayed_work(&work, msecs_to_jiffies(period_ms));
}

static int __init myinit(void)
{
	schedule_delayed_work(&work, 0);
	return 0;
}

static void __exit myexit(void)
{
	cancel_delayed_work_sync(&work);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A delayed work item that re-queues itself");
MODULE_LICENSE("GPL");
