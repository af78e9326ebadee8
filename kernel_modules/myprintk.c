// SPDX-License-Identifier: GPL-2.0
/*
 * myprintk: printk log levels and pr_debug. Each pr_<level>() prefixes the
 * message with its level, "<1>" for alert down to "<6>" for info, which
 * "dmesg -r" shows; the console only prints levels below the console log
 * level (first number of /proc/sys/kernel/printk, "dmesg -n N" sets it).
 * pr_debug() ("<7>") is compiled out unless DEBUG is defined (our Kbuild
 * defines it) or dynamic debug is on; with CONFIG_DYNAMIC_DEBUG each
 * pr_debug is a line in /sys/kernel/debug/dynamic_debug/control that can
 * be switched on (+p) and off (-p) at run time, also at load time with the
 * dyndbg= parameter every module accepts.
 *
 * Try it in the guest:
 *   insmod myprintk.ko; dmesg -r | tail -7
 *   grep myprintk /sys/kernel/debug/dynamic_debug/control
 *   echo 'module myprintk -p' > /sys/kernel/debug/dynamic_debug/control
 *   rmmod myprintk; dmesg | tail -2      # "exit" but no "exit pr_debug"
 *   insmod myprintk.ko dyndbg=-p         # loads with pr_debug off
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init myinit(void)
{
	pr_alert("pr_alert\n");
	pr_crit("pr_crit\n");
	pr_err("pr_err\n");
	pr_warn("pr_warn\n");
	pr_notice("pr_notice\n");
	pr_info("pr_info\n");
	pr_debug("pr_debug\n");
	return 0;
}

static void __exit myexit(void)
{
	pr_info("exit\n");
	pr_debug("exit pr_debug\n");
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("printk log levels and dynamic debug");
MODULE_LICENSE("GPL");
