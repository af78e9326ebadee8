// SPDX-License-Identifier: GPL-2.0
/*
 * dump_stack: print the current call stack and go on. dump_stack() prints
 * the CPU, the task and the chain of calls that led here, with symbol
 * names: myinit [dump_stack], then do_one_initcall, do_init_module,
 * load_module, the finit_module system call entry. Nothing is wrong and
 * nothing stops; it is a debugging aid, the same trace that WARN_ON, an
 * oops or a panic print along with more.
 *
 * Try it in the guest:
 *   insmod dump_stack.ko; rmmod dump_stack; dmesg | tail -20
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init myinit(void)
{
	pr_info("before dump_stack\n");
	dump_stack();
	pr_info("after dump_stack\n");
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Print the call stack without crashing");
MODULE_LICENSE("GPL");
