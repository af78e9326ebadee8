// SPDX-License-Identifier: GPL-2.0
/*
 * poll: let a process sleep until a file has data, with poll(2), select(2)
 * or epoll. The poll() file operation does not sleep itself: it registers
 * the caller on a wait queue with poll_wait() and returns what is possible
 * right now (EPOLLIN: readable); the core sleeps and calls it again after
 * each wake_up() on that queue. Here a kernel thread plays the device: every
 * period_ms milliseconds it marks data ready and wakes the queue, and read()
 * of /sys/kernel/debug/lkmc_poll returns the jiffies at that moment and
 * marks it consumed. With pol0=1, poll() always answers 0, so pollers only
 * ever time out, however often the queue is woken.
 *
 * Try it in the guest:
 *   insmod poll.ko; ./kernel_modules/poll.out 3; rmmod poll
 *   insmod poll.ko pol0=1; ./kernel_modules/poll.out -n; rmmod poll
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/wait.h>

static bool pol0;
module_param(pol0, bool, 0644);
MODULE_PARM_DESC(pol0, "poll() always returns 0");
static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two data events");

static struct dentry *file;
static struct task_struct *thread;
static DECLARE_WAIT_QUEUE_HEAD(waitq);
static DEFINE_SPINLOCK(lock);
static bool ready;
static unsigned long ready_jiffies;

static __poll_t poll_poll(struct file *filp, struct poll_table_struct *wait)
{
	__poll_t mask = 0;

	pr_info("poll\n");
	poll_wait(filp, &waitq, wait);
	if (pol0)
		return 0;
	spin_lock(&lock);
	if (ready)
		mask = EPOLLIN | EPOLLRDNORM;
	spin_unlock(&lock);
	pr_info("return %s\n", mask ? "EPOLLIN" : "0");
	return mask;
}

static ssize_t poll_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	char text[32];
	loff_t pos = 0;
	int n;

	spin_lock(&lock);
	if (!ready) {
		spin_unlock(&lock);
		return -EAGAIN;
	}
	ready = false;
	n = scnprintf(text, sizeof(text), "%lu\n", ready_jiffies);
	spin_unlock(&lock);
	return simple_read_from_buffer(buf, len, &pos, text, n);
}

static const struct file_operations poll_fops = {
	.owner = THIS_MODULE,
	.read = poll_read,
	.poll = poll_poll,
};

/* The fake device: data arrives every period_ms. */
static int poll_thread(void *data)
{
	while (!kthread_should_stop()) {
		/* kthread_stop() wakes us early. */
		schedule_timeout_interruptible(msecs_to_jiffies(period_ms));
		if (kthread_should_stop())
			break;
		spin_lock(&lock);
		ready = true;
		ready_jiffies = jiffies;
		spin_unlock(&lock);
		pr_info("wake_up\n");
		wake_up(&waitq);
	}
	return 0;
}

static int __init myinit(void)
{
	int ret;

	file = debugfs_create_file("lkmc_poll", 0444, NULL, NULL, &poll_fops);
	if (IS_ERR(file))
		return PTR_ERR(file);
	thread = kthread_run(poll_thread, NULL, "lkmc_poll");
	if (IS_ERR(thread)) {
		ret = PTR_ERR(thread);
		goto err_file;
	}
	return 0;

err_file:
	debugfs_remove(file);
	return ret;
}

static void __exit myexit(void)
{
	kthread_stop(thread);
	debugfs_remove(file);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("The poll file operation, fed by a kernel thread");
MODULE_LICENSE("GPL");
