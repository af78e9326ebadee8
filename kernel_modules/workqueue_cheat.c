// SPDX-License-Identifier: GPL-2.0
/*
 * workqueue_cheat: hand work to kernel worker threads. (Not named
 * "workqueue": the kernel's own workqueue code has parameters in
 * /sys/module/workqueue/, and a module cannot take a name that is there.) A work item (struct
 * work_struct plus a function) queued with queue_work() runs a little later
 * in process context, in a kworker thread, so unlike a timer callback or an
 * interrupt handler it may sleep. This module makes its own workqueue
 * (alloc_workqueue(); max_active 1 runs one item at a time, in order) and
 * queues n items; each sleeps period_ms milliseconds and prints its number
 * and the thread it ran in. destroy_workqueue() at exit waits for whatever
 * is still queued, so the module's code outlives its last work item.
 *
 * Try it in the guest:
 *   insmod workqueue_cheat.ko; sleep 4; dmesg | tail -4; rmmod workqueue_cheat
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

static unsigned int n = 3;
module_param(n, uint, 0444);
MODULE_PARM_DESC(n, "how many work items to queue");
static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds each work item sleeps");

struct lkmc_work {
	struct work_struct work;
	unsigned int i;
};

static struct workqueue_struct *wq;
static struct lkmc_work *works;

static void work_func(struct work_struct *work)
{
	struct lkmc_work *w = container_of(work, struct lkmc_work, work);

	msleep(period_ms);
	pr_info("work %u in %s\n", w->i, current->comm);
}

static int __init myinit(void)
{
	unsigned int i;

	works = kcalloc(n, sizeof(*works), GFP_KERNEL);
	if (!works)
		return -ENOMEM;
	wq = alloc_workqueue("lkmc_workqueue", 0, 1);
	if (!wq)
		goto err_free;
	for (i = 0; i < n; i++) {
		works[i].i = i;
		INIT_WORK(&works[i].work, work_func);
		queue_work(wq, &works[i].work);
	}
	pr_info("queued %u work items\n", n);
	return 0;

err_free:
	kfree(works);
	return -ENOMEM;
}

static void __exit myexit(void)
{
	/* Waits for every queued item to finish. */
	destroy_workqueue(wq);
	kfree(works);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Work items on a workqueue of our own");
MODULE_LICENSE("GPL");
