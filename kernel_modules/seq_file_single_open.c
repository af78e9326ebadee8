// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file_single_open: the short form of seq_file for output that is
 * produced in one go. single_open() wires a single show() function into
 * the seq_file machinery, which buffers its output and serves reads of any
 * size and offset from it. DEFINE_SHOW_ATTRIBUTE(name) writes the same
 * open function and file_operations for you.
 *
 * Try it in the guest:
 *   insmod seq_file_single_open.ko
 *   cat /sys/kernel/debug/lkmc_seq_file_single_open      # "ab" and "cd"
 *   rmmod seq_file_single_open
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/seq_file.h>

static struct dentry *file;

static int single_show(struct seq_file *m, void *v)
{
	seq_puts(m, "ab\n");
	seq_puts(m, "cd\n");
	return 0;
}

static int single_open_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, single_show, NULL);
}

static const struct file_operations single_open_fops = {
	.owner = THIS_MODULE,
	.open = single_open_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static int __init myinit(void)
{
	file = debugfs_create_file("lkmc_seq_file_single_open", 0444, NULL, NULL,
				   &single_open_fops);
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
MODULE_DESCRIPTION("A whole file printed at once through single_open");
MODULE_LICENSE("GPL");
