// SPDX-License-Identifier: GPL-2.0
/*
 * wait_queue: threads sleeping until a condition holds. Three waiter
 * threads block in wait_event_interruptible() on one wait queue until the
 * generation number differs from the last one they saw; a fourth thread
 * advances the number every period_ms milliseconds and wakes them all with
 * wake_up_all(). Each waiter prints "<waiter> <generation>" when it wakes,
 * so dmesg shows "0 0", "1 0", "2 0", then after one period "0 1", "1 1",
 * "2 1", and so on. wait_event rechecks the condition after every wake up,
 * so spurious wake ups are harmless. kthread_stop() wakes a thread with
 * wake_up_process(), which is why the condition also includes
 * kthread_should_stop().
 *
 * Try it in the guest:
 *   insmod wait_queue.ko; sleep 3; rmmod wait_queue; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/wait.h>

#define NWAITERS 3

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two wake ups");

static DECLARE_WAIT_QUEUE_HEAD(waitq);
static atomic_t generation = ATOMIC_INIT(0);
static struct task_struct *waiters[NWAITERS];
static struct task_struct *waker;

static int waiter_func(void *data)
{
	unsigned long id = (unsigned long)data;
	int seen = atomic_read(&generation);

	pr_info("%lu %d\n", id, seen);
	while (!kthread_should_stop()) {
		wait_event_interruptible(waitq, atomic_read(&generation) != seen ||
					 kthread_should_stop());
		if (kthread_should_stop())
			break;
		seen = atomic_read(&generation);
		pr_info("%lu %d\n", id, seen);
	}
	return 0;
}

static int waker_func(void *data)
{
	while (!kthread_should_stop()) {
		schedule_timeout_interruptible(msecs_to_jiffies(period_ms));
		atomic_inc(&generation);
		wake_up_all(&waitq);
	}
	return 0;
}

static int __init myinit(void)
{
	unsigned long i;
	int ret;

	for (i = 0; i < NWAITERS; i++) {
		waiters[i] = kthread_run(waiter_func, (void *)i, "lkmc_waiter%lu", i);
		if (IS_ERR(waiters[i])) {
			ret = PTR_ERR(waiters[i]);
			goto err_waiters;
		}
	}
	waker = kthread_run(waker_func, NULL, "lkmc_waker");
	if (IS_ERR(waker)) {
		ret = PTR_ERR(waker);
		goto err_waiters;
	}
	return 0;

err_waiters:
	while (i--)
		kthread_stop(waiters[i]);
	return ret;
}

static void __exit myexit(void)
{
	int i;

	kthread_stop(waker);
	for (i = 0; i < NWAITERS; i++)
		kthread_stop(waiters[i]);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Kernel threads sleeping on a wait queue until woken");
MODULE_LICENSE("GPL");
