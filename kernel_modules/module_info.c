// SPDX-License-Identifier: GPL-2.0
/*
 * module_info: the .modinfo section. MODULE_LICENSE, MODULE_VERSION,
 * MODULE_DESCRIPTION and any MODULE_INFO(key, "value") become "key=value"
 * strings in the .ko's .modinfo section, which modinfo prints without
 * loading the module. Once loaded, THIS_MODULE points at the kernel's
 * struct module for this module, which knows its name and version; the
 * version also shows in /sys/module/module_info/version.
 *
 * Try it in the guest:
 *   modinfo module_info.ko         # asdf: qwer, version: 1.0, ...
 *   insmod module_info.ko; cat /sys/module/module_info/version
 *   rmmod module_info; dmesg | tail -2
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init myinit(void)
{
	pr_info("name = %s\n", THIS_MODULE->name);
	pr_info("version = %s\n", THIS_MODULE->version);
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_INFO(asdf, "qwer");
MODULE_VERSION("1.0");
MODULE_DESCRIPTION("MODULE_INFO fields and THIS_MODULE");
MODULE_LICENSE("GPL");
