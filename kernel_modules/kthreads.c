// SPDX-License-Identifier: GPL-2.0
/*
 * kthreads: two kernel threads running at once. Both run the same
 * function with a different argument, each printing "<thread> <count>"
 * every period_ms milliseconds, thread 1 at half the rate of thread 0;
 * the scheduler interleaves their lines in dmesg. Starting the second
 * thread can fail after the first started, so the error path stops the
 * first one.
 *
 * Try it in the guest:
 *   insmod kthreads.ko; sleep 3; rmmod kthreads; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/sched.h>

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two prints of thread 0");

static struct task_struct *threads[2];

static int work_func(void *data)
{
	unsigned long id = (unsigned long)data;
	unsigned int i = 0;

	while (!kthread_should_stop()) {
		pr_info("%lu %u\n", id, i++);
		schedule_timeout_interruptible(msecs_to_jiffies(period_ms * (id + 1)));
	}
	return 0;
}

static int __init myinit(void)
{
	int ret;

	threads[0] = kthread_run(work_func, (void *)0UL, "lkmc_kthreads0");
	if (IS_ERR(threads[0]))
		return PTR_ERR(threads[0]);
	threads[1] = kthread_run(work_func, (void *)1UL, "lkmc_kthreads1");
	if (IS_ERR(threads[1])) {
		ret = PTR_ERR(threads[1]);
		goto err_stop0;
	}
	return 0;

err_stop0:
	kthread_stop(threads[0]);
	return ret;
}

static void __exit myexit(void)
{
	kthread_stop(threads[1]);
	kthread_stop(threads[0]);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Two kernel threads running concurrently");
MODULE_LICENSE("GPL");
