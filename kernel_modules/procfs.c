// SPDX-License-Identifier: GPL-2.0
/*
 * procfs: a file in /proc. proc_create() takes a struct proc_ops (since
 * 5.6; before, a struct file_operations), whose proc_read here hands out a
 * fixed string with simple_read_from_buffer(), which handles the offset and
 * short reads for us. /proc is meant for process and kernel state; new
 * debugging interfaces belong in debugfs, new device attributes in sysfs.
 *
 * Try it in the guest:
 *   insmod procfs.ko; cat /proc/lkmc_procfs; rmmod procfs
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/version.h>

static const char text[] = "abcd\n";
static struct proc_dir_entry *entry;

static ssize_t procfs_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	return simple_read_from_buffer(buf, len, off, text, sizeof(text) - 1);
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
static const struct proc_ops procfs_ops = {
	.proc_read = procfs_read,
	.proc_lseek = default_llseek,
};
#else
static const struct file_operations procfs_ops = {
	.owner = THIS_MODULE,
	.read = procfs_read,
	.llseek = default_llseek,
};
#endif

static int __init myinit(void)
{
	entry = proc_create("lkmc_procfs", 0444, NULL, &procfs_ops);
	if (!entry)
		return -ENOMEM;
	return 0;
}

static void __exit myexit(void)
{
	proc_remove(entry);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A read-only file in /proc");
MODULE_LICENSE("GPL");
