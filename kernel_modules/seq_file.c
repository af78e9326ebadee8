// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file: output that is larger than one read() call, without keeping
 * track of offsets by hand. The seq_file core calls start() to find the
 * element at the current position, show() to print it, next() to move on
 * and stop() at the end of each read() chunk; reads that stop half way
 * resume at the right element. /sys/kernel/debug/lkmc_seq_file prints the
 * numbers 0 to max - 1 (module parameter, default 10), one per line; every
 * start() call is counted in dmesg.
 *
 * Try it in the guest:
 *   insmod seq_file.ko max=5; cat /sys/kernel/debug/lkmc_seq_file
 *   dd if=/sys/kernel/debug/lkmc_seq_file bs=1 count=3    # "0\n1"
 *   rmmod seq_file; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/seq_file.h>

static unsigned int max = 10;
module_param(max, uint, 0644);
MODULE_PARM_DESC(max, "print the numbers below this");

static struct dentry *file;

/* The element is the position itself; a real file would look up a list. */
static void *numbers_start(struct seq_file *s, loff_t *pos)
{
	pr_info("start pos = %lld\n", *pos);
	if (*pos >= max)
		return NULL;
	return pos;
}

static void *numbers_next(struct seq_file *s, void *v, loff_t *pos)
{
	(*pos)++;
	if (*pos >= max)
		return NULL;
	return pos;
}

static void numbers_stop(struct seq_file *s, void *v)
{
}

static int numbers_show(struct seq_file *s, void *v)
{
	seq_printf(s, "%lld\n", *(loff_t *)v);
	return 0;
}

static const struct seq_operations seq_file_seq_ops = {
	.start = numbers_start,
	.next = numbers_next,
	.stop = numbers_stop,
	.show = numbers_show,
};

static int seq_file_open(struct inode *inode, struct file *filp)
{
	return seq_open(filp, &seq_file_seq_ops);
}

static const struct file_operations seq_file_fops = {
	.owner = THIS_MODULE,
	.open = seq_file_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release,
};

static int __init myinit(void)
{
	file = debugfs_create_file("lkmc_seq_file", 0444, NULL, NULL, &seq_file_fops);
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
MODULE_DESCRIPTION("A sequence of lines through the seq_file iterator");
MODULE_LICENSE("GPL");
