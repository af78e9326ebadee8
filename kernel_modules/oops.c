// SPDX-License-Identifier: GPL-2.0
/*
 * oops: a NULL pointer dereference in the kernel. The page fault handler
 * finds no fixup for a kernel access to address 0 and calls die(): "BUG:
 * kernel NULL pointer dereference, address: 0000000000000000" (x86_64) or
 * "Unable to handle kernel NULL pointer dereference at virtual address 0"
 * (arm, aarch64), then "Oops", the registers with the faulting instruction
 * in myinit [oops], and the stack trace. Normally only the insmod process
 * is killed and the kernel limps on, tainted, with the module stuck in
 * state "coming"; lkmc boots with oops=panic, so an oops panics the kernel
 * and ends the run.
 *
 * Try it in the guest:
 *   insmod oops.ko      # the kernel panics (oops=panic)
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

/* volatile: the compiler may not assume the store never happens. */
static int * volatile null_ptr;

static int __init myinit(void)
{
	pr_info("before the NULL dereference\n");
	*null_ptr = 1;
	pr_info("after the NULL dereference: not reached\n");
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Oops: dereference a NULL pointer in module_init");
MODULE_LICENSE("GPL");
