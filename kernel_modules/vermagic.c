// SPDX-License-Identifier: GPL-2.0
/*
 * vermagic: which kernel a module was built for. Every .ko carries a
 * "vermagic" string in .modinfo (kernel release plus ABI-changing options
 * such as SMP, preempt, mod_unload); insmod refuses a module whose vermagic
 * differs from the running kernel's (see vermagic_fail). Modules may no
 * longer include <linux/vermagic.h> (since 5.8), so this one prints what
 * the running kernel says about itself: the fields of uname(2), from
 * init_utsname(). The release field is the start of the vermagic string.
 *
 * Try it in the guest:
 *   modinfo vermagic.ko | grep vermagic; uname -a
 *   insmod vermagic.ko; rmmod vermagic; dmesg | tail -6
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/utsname.h>

static int __init myinit(void)
{
	struct new_utsname *u = init_utsname();

	pr_info("sysname    = %s\n", u->sysname);
	pr_info("nodename   = %s\n", u->nodename);
	pr_info("release    = %s\n", u->release);
	pr_info("version    = %s\n", u->version);
	pr_info("machine    = %s\n", u->machine);
	pr_info("domainname = %s\n", u->domainname);
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Print the running kernel's uname fields");
MODULE_LICENSE("GPL");
