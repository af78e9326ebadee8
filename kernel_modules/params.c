// SPDX-License-Identifier: GPL-2.0
/*
 * params: module parameters. module_param() makes a variable settable at
 * load time (insmod params.ko i=1 j=2, or "options params i=1 j=2" in
 * /etc/modprobe.conf for modprobe) and, with a non-zero mode, readable and
 * writable later in /sys/module/params/parameters/. The exit function
 * prints the values again, so a change made through sysfs shows.
 *
 * Try it in the guest:
 *   insmod params.ko i=1 j=2; cat /sys/module/params/parameters/i
 *   echo 3 > /sys/module/params/parameters/j; rmmod params; dmesg | tail -2
 *   modinfo params.ko          # lists the parm: lines with descriptions
 *   modprobe params; cat /sys/module/params/parameters/j  # 34, from
 *                              # the guest's /etc/modprobe.conf
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static int i;
static int j;
module_param(i, int, 0644);
MODULE_PARM_DESC(i, "my favorite int");
module_param(j, int, 0644);
MODULE_PARM_DESC(j, "my second favorite int");

static int __init myinit(void)
{
	pr_info("init i = %d j = %d\n", i, j);
	return 0;
}

static void __exit myexit(void)
{
	pr_info("exit i = %d j = %d\n", i, j);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Module parameters from insmod, modprobe.conf and sysfs");
MODULE_LICENSE("GPL");
