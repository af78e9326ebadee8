// SPDX-License-Identifier: GPL-2.0
/*
 * anonymous_inode: a file descriptor with no file name behind it, as
 * epoll_create, eventfd, timerfd and perf_event_open return.
 * anon_inode_getfd() makes a struct file with our file_operations on the
 * kernel's one shared anonymous inode and installs it in the caller's fd
 * table; here the ioctl LKMC_ANONYMOUS_INODE_GET_FD on
 * /dev/lkmc_anonymous_inode returns one. Each such fd has its own counter
 * in private_data: successive reads give 1, 10, 100, ... up to 10^9, then
 * 1 again. /proc/self/fd/N shows it as "anon_inode:lkmc_anonymous_inode".
 *
 * Try it in the guest:
 *   insmod anonymous_inode.ko; ./kernel_modules/anonymous_inode.out
 *   rmmod anonymous_inode
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/anon_inodes.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

#include "anonymous_inode.h"

static ssize_t anon_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	u32 *counter = filp->private_data;
	char text[16];
	ssize_t n;
	loff_t pos = 0;

	/* Every read returns the next number whole, whatever the offset. */
	n = scnprintf(text, sizeof(text), "%u\n", *counter);
	n = simple_read_from_buffer(buf, len, &pos, text, n);
	if (n > 0)
		*counter = *counter >= 1000000000 ? 1 : *counter * 10;
	return n;
}

static int anon_release(struct inode *inode, struct file *filp)
{
	kfree(filp->private_data);
	return 0;
}

static const struct file_operations anon_fops = {
	.owner = THIS_MODULE,
	.read = anon_read,
	.release = anon_release,
};

static long anonymous_inode_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	u32 *counter;
	int fd;

	if (cmd != LKMC_ANONYMOUS_INODE_GET_FD)
		return -ENOTTY;
	counter = kmalloc(sizeof(*counter), GFP_KERNEL);
	if (!counter)
		return -ENOMEM;
	*counter = 1;
	fd = anon_inode_getfd("lkmc_anonymous_inode", &anon_fops, counter, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		kfree(counter);
	else
		pr_info("new fd %d\n", fd);
	return fd;
}

static const struct file_operations anonymous_inode_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = anonymous_inode_ioctl,
};

static struct miscdevice anonymous_inode_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lkmc_anonymous_inode",
	.fops = &anonymous_inode_fops,
	.mode = 0666,
};

static int __init myinit(void)
{
	return misc_register(&anonymous_inode_misc);
}

static void __exit myexit(void)
{
	misc_deregister(&anonymous_inode_misc);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A file descriptor from anon_inode_getfd, returned by an ioctl");
MODULE_LICENSE("GPL");
