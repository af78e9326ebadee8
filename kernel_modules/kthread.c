// SPDX-License-Identifier: GPL-2.0
/*
 * kthread: a kernel thread. kthread_run() starts a task that runs only in
 * the kernel (ps shows it as [lkmc_kthread]); it counts 0 to 9 over and
 * over, printing one number every period_ms milliseconds, and sleeps in
 * between so the CPU is free. kthread_stop() in the exit function wakes it,
 * makes kthread_should_stop() true and waits until the thread returns, so
 * rmmod cannot free its code while it still runs.
 *
 * Try it in the guest:
 *   insmod kthread.ko; sleep 3; ps | grep lkmc; rmmod kthread; dmesg | tail
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
MODULE_PARM_DESC(period_ms, "milliseconds between two prints");

static struct task_struct *thread;

static int work_func(void *data)
{
	unsigned int i = 0;

	while (!kthread_should_stop()) {
		pr_info("%u\n", i);
		i = (i + 1) % 10;
		/* Interruptible, so that kthread_stop() wakes us at once. */
		schedule_timeout_interruptible(msecs_to_jiffies(period_ms));
	}
	return 0;
}

static int __init myinit(void)
{
	thread = kthread_run(work_func, NULL, "lkmc_kthread");
	if (IS_ERR(thread))
		return PTR_ERR(thread);
	return 0;
}

static void __exit myexit(void)
{
	kthread_stop(thread);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A kernel thread that counts");
MODULE_LICENSE("GPL");
