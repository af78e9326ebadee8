// SPDX-License-Identifier: GPL-2.0
/*
 * fops: the file_operations behind a file. Every system call on the file
 * /sys/kernel/debug/lkmc_fops (open, read, write, lseek, close) lands in one
 * of the functions below, each of which prints its arguments, so dmesg
 * shows the exact sequence of calls a shell command makes. The file holds
 * 4 bytes, "abcd" at first: read and write work at the file offset *off,
 * and return how much they did (0 from read means end of file).
 *
 * Try it in the guest:
 *   insmod fops.ko; cd /sys/kernel/debug
 *   cat lkmc_fops; printf 01 > lkmc_fops; cat lkmc_fops       # 01cd
 *   printf x | dd of=lkmc_fops bs=1 seek=3 conv=notrunc; cat lkmc_fops  # 01cx
 *   cd /; rmmod fops; dmesg
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/uaccess.h>

#define SIZE 4

static struct dentry *file;
static char data[SIZE] = { 'a', 'b', 'c', 'd' };

static int fops_open(struct inode *inode, struct file *filp)
{
	pr_info("open\n");
	return 0;
}

static ssize_t fops_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	ssize_t ret;

	pr_info("read len = %zu off = %lld\n", len, *off);
	if (*off >= SIZE)
		return 0;
	ret = min_t(size_t, len, SIZE - *off);
	if (copy_to_user(buf, data + *off, ret))
		return -EFAULT;
	*off += ret;
	return ret;
}

static ssize_t fops_write(struct file *filp, const char __user *buf, size_t len, loff_t *off)
{
	ssize_t ret;

	pr_info("write len = %zu off = %lld\n", len, *off);
	if (*off >= SIZE)
		return -ENOSPC;
	ret = min_t(size_t, len, SIZE - *off);
	if (copy_from_user(data + *off, buf, ret))
		return -EFAULT;
	*off += ret;
	return ret;
}

static loff_t fops_llseek(struct file *filp, loff_t off, int whence)
{
	loff_t pos;

	pr_info("llseek off = %lld whence = %d\n", off, whence);
	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		pos = filp->f_pos + off;
		break;
	case SEEK_END:
		pos = SIZE + off;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0 || pos > SIZE)
		return -EINVAL;
	filp->f_pos = pos;
	return pos;
}

static int fops_release(struct inode *inode, struct file *filp)
{
	pr_info("release\n");
	return 0;
}

static const struct file_operations fops_fops = {
	.owner = THIS_MODULE,
	.open = fops_open,
	.read = fops_read,
	.write = fops_write,
	.llseek = fops_llseek,
	.release = fops_release,
};

static int __init myinit(void)
{
	file = debugfs_create_file("lkmc_fops", 0600, NULL, NULL, &fops_fops);
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
MODULE_DESCRIPTION("file_operations that print every call");
MODULE_LICENSE("GPL");
