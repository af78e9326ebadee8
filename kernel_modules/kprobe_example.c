// SPDX-License-Identifier: GPL-2.0
/*
 * kprobe_example: run our code when any kernel function is entered,
 * without changing its source (CONFIG_KPROBES). register_kprobe() replaces
 * the first instruction of the function named by the symbol parameter with
 * a breakpoint; on each hit, pre_handler() runs with the registers at that
 * point, the original instruction is single-stepped and post_handler()
 * runs. The default symbol is the function behind fork/clone: kernel_clone
 * (called _do_fork before 5.10), so every new process or thread prints two
 * lines. Functions marked NOKPROBE_SYMBOL, and inlined ones, cannot be
 * probed. unregister_kprobe() restores the instruction.
 *
 * Try it in the guest:
 *   insmod kprobe_example.ko; ls > /dev/null; dmesg | tail -4
 *   rmmod kprobe_example
 *   insmod kprobe_example.ko symbol=do_sys_openat2; cat /dev/null; rmmod kprobe_example
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 10, 0)
static char *symbol = "kernel_clone";
#else
static char *symbol = "_do_fork";
#endif
module_param(symbol, charp, 0444);
MODULE_PARM_DESC(symbol, "the kernel function to probe");

static struct kprobe kp;

static int handler_pre(struct kprobe *p, struct pt_regs *regs)
{
	pr_info("<%s> pre_handler: p->addr = %px, ip = %lx, comm = %s\n",
		p->symbol_name, p->addr, instruction_pointer(regs), current->comm);
	return 0;
}

static void handler_post(struct kprobe *p, struct pt_regs *regs, unsigned long flags)
{
	pr_info("<%s> post_handler: p->addr = %px\n", p->symbol_name, p->addr);
}

static int __init myinit(void)
{
	int ret;

	kp.symbol_name = symbol;
	kp.pre_handler = handler_pre;
	kp.post_handler = handler_post;
	ret = register_kprobe(&kp);
	if (ret < 0) {
		pr_err("register_kprobe %s failed: %d\n", symbol, ret);
		return ret;
	}
	pr_info("planted kprobe at %s %px\n", symbol, kp.addr);
	return 0;
}

static void __exit myexit(void)
{
	unregister_kprobe(&kp);
	pr_info("kprobe at %px unregistered\n", kp.addr);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A kprobe on the kernel function behind fork");
MODULE_LICENSE("GPL");
