// SPDX-License-Identifier: GPL-2.0
/*
 * wait_queue2: a process sleeping in read() until another writes, like a
 * pipe. Reading /sys/kernel/debug/lkmc_wait_queue2 blocks in
 * wait_event_interruptible() while the file holds no data; a write stores
 * the data and calls wake_up_interruptible(), and the reader returns it,
 * emptying the file again. Ctrl-C wakes a blocked reader too (the wait
 * returns -ERESTARTSYS), and with O_NONBLOCK read fails with EAGAIN at
 * once instead of sleeping. A mutex protects the buffer; it is never held
 * while sleeping.
 *
 * Try it in the guest:
 *   insmod wait_queue2.ko; cat /sys/kernel/debug/lkmc_wait_queue2 &
 *   sleep 1; echo hello > /sys/kernel/debug/lkmc_wait_queue2   # cat prints it
 *   rmmod wait_queue2
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define SIZE 64

static struct dentry *file;
static DECLARE_WAIT_QUEUE_HEAD(waitq);
static DEFINE_MUTEX(lock);
static char data[SIZE];
static size_t len;

static ssize_t wq2_read(struct file *filp, char __user *buf, size_t count, loff_t *off)
{
	ssize_t ret;

	for (;;) {
		mutex_lock(&lock);
		if (len)
			break;
		mutex_unlock(&lock);
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		pr_info("read: sleeping\n");
		/* The condition is read without the lock; it is rechecked with it above. */
		if (wait_event_interruptible(waitq, READ_ONCE(len) != 0))
			return -ERESTARTSYS;
		pr_info("read: woken\n");
	}
	ret = min(count, len);
	if (copy_to_user(buf, data, ret)) {
		ret = -EFAULT;
		goto out;
	}
	/* Keep what was not read for the next read. */
	memmove(data, data + ret, len - ret);
	len -= ret;
out:
	mutex_unlock(&lock);
	return ret;
}

static ssize_t wq2_write(struct file *filp, const char __user *buf, size_t count, loff_t *off)
{
	ssize_t ret;

	mutex_lock(&lock);
	ret = min(count, SIZE - len);
	if (!ret) {
		ret = -ENOSPC;
		goto out;
	}
	if (copy_from_user(data + len, buf, ret)) {
		ret = -EFAULT;
		goto out;
	}
	WRITE_ONCE(len, len + ret);
	pr_info("write: wake_up\n");
	wake_up_interruptible(&waitq);
out:
	mutex_unlock(&lock);
	return ret;
}

static const struct file_operations wq2_fops = {
	.owner = THIS_MODULE,
	.read = wq2_read,
	.write = wq2_write,
};

static int __init myinit(void)
{
	file = debugfs_create_file("lkmc_wait_queue2", 0600, NULL, NULL, &wq2_fops);
	if (IS_ERR(file))
		return PTR_ERR(file);
	return 0;
}

static void __exit myexit(void)
{
	debugfs_remove(file);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("read() sleeps on a wait queue until write() wakes it");
MODULE_LICENSE("GPL");
