// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs: the kernel's scratch filesystem for debugging interfaces,
 * mounted at /sys/kernel/debug. Helpers such as debugfs_create_u32() turn
 * a variable into a file in one call, no file_operations needed: reading
 * /sys/kernel/debug/lkmc_debugfs/myfile prints the variable, writing a
 * number to it sets it. The exit function prints the final value.
 * debugfs_remove_recursive() removes the directory and all it holds.
 *
 * Try it in the guest:
 *   insmod debugfs.ko; cd /sys/kernel/debug/lkmc_debugfs
 *   cat myfile; echo 13 > myfile; cat myfile
 *   cd /; rmmod debugfs; dmesg | tail -1     # "exit myfile = 13"
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static struct dentry *dir;
static u32 myfile = 42;

static int __init myinit(void)
{
	dir = debugfs_create_dir("lkmc_debugfs", NULL);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	debugfs_create_u32("myfile", 0644, dir, &myfile);
	return 0;
}

static void __exit myexit(void)
{
	debugfs_remove_recursive(dir);
	pr_info("exit myfile = %u\n", myfile);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A variable exposed as a debugfs file");
MODULE_LICENSE("GPL");
