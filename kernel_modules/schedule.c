// SPDX-License-Identifier: GPL-2.0
/*
 * schedule: a kernel thread that never sleeps, and why it must call
 * schedule(). The thread spins, counting loop turns, and prints the count
 * once a second. With schedule=1 (the default) it calls schedule() in
 * every turn, giving the CPU to any other runnable task, so the system
 * stays usable, only slower. With schedule=0 it never gives the CPU up:
 * on a kernel without preemption (CONFIG_PREEMPT_NONE, ours) and one CPU
 * (lkmc run's default) nothing else ever runs again, not even the shell
 * that typed insmod; after about 20 s the soft lockup detector complains,
 * if it is configured. Userland code is preempted by the timer interrupt;
 * kernel code on such a kernel is not.
 *
 * Try it in the guest:
 *   insmod schedule.ko; sleep 2; dmesg | tail -2; rmmod schedule
 *   insmod schedule.ko schedule=0      # the guest hangs
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

static bool do_schedule = true;
module_param_named(schedule, do_schedule, bool, 0444);
MODULE_PARM_DESC(schedule, "call schedule() in every loop turn (0 hangs a 1-CPU guest)");

static struct task_struct *thread;

static int work_func(void *data)
{
	unsigned long turns = 0;
	unsigned long next = jiffies + HZ;

	while (!kthread_should_stop()) {
		turns++;
		if (time_after_eq(jiffies, next)) {
			pr_info("turns = %lu\n", turns);
			next += HZ;
		}
		if (do_schedule)
			schedule();
	}
	return 0;
}

static int __init myinit(void)
{
	thread = kthread_run(work_func, NULL, "lkmc_schedule");
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
MODULE_DESCRIPTION("A busy kernel thread that yields the CPU with schedule()");
MODULE_LICENSE("GPL");
