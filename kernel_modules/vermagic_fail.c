// SPDX-License-Identifier: GPL-2.0
/*
 * vermagic_fail: a module the kernel refuses to load. Its own
 * MODULE_INFO(vermagic, ...) comes before the one modpost adds in
 * vermagic_fail.mod.c, and the kernel uses the first it finds, so the
 * version magic check at load time fails: insmod reports "Invalid module
 * format" (ENOEXEC) and dmesg says
 *   vermagic_fail: version magic 'asdfqwer' should be '<release> SMP ...'
 * The init function never runs.
 *
 * Try it in the guest:
 *   insmod vermagic_fail.ko; echo $?; dmesg | tail -1
 *   modinfo vermagic_fail.ko | grep vermagic     # shows both strings
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init myinit(void)
{
	pr_info("init: the vermagic check did not stop this module\n");
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_INFO(vermagic, "asdfqwer");
MODULE_DESCRIPTION("A wrong vermagic string makes insmod fail");
MODULE_LICENSE("GPL");
