// SPDX-License-Identifier: GPL-2.0
/*
 * float: floating point in the kernel (x86_64). The kernel does not save
 * userland's FPU/SSE registers when it is entered, so kernel code must not
 * touch them, and it is compiled with -mno-sse -mno-sse2 (and more) so
 * that the compiler never uses them on its own; "double" arithmetic does
 * not even compile ("SSE register return with SSE disabled"). Kbuild
 * removes those flags for this one file (CFLAGS_REMOVE_float.o), and the
 * floating point code runs only between kernel_fpu_begin(), which saves
 * the current task's FPU state and disables preemption, and
 * kernel_fpu_end(). It divides the parameters a / b in double precision
 * and prints the quotient with 6 decimals (printk has no %f).
 *
 * Try it in the guest:
 *   insmod float.ko a=1 b=3; rmmod float; dmesg | tail -1   # 1 / 3 = 0.333333
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <asm/fpu/api.h>

static int a = 1;
module_param(a, int, 0444);
MODULE_PARM_DESC(a, "numerator, >= 0");
static int b = 3;
module_param(b, int, 0444);
MODULE_PARM_DESC(b, "denominator, > 0");

/* The only code that uses SSE registers; call it only inside kernel_fpu_begin/end. */
static noinline long divide_micro(int x, int y)
{
	double q = (double)x / (double)y;

	return (long)(q * 1000000.0 + 0.5);
}

static int __init myinit(void)
{
	long q;

	if (a < 0 || b <= 0)
		return -EINVAL;
	kernel_fpu_begin();
	q = divide_micro(a, b);
	kernel_fpu_end();
	pr_info("%d / %d = %ld.%06ld\n", a, b, q / 1000000, q % 1000000);
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Floating point between kernel_fpu_begin and kernel_fpu_end");
MODULE_LICENSE("GPL");
