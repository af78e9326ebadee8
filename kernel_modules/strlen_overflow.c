// SPDX-License-Identifier: GPL-2.0
/*
 * strlen_overflow: CONFIG_FORTIFY_SOURCE catching a read past the end of
 * a string. The fortified strlen() knows the size of the array it is given
 * (here a global 4-byte one) and computes strnlen(p, size) instead; if no
 * NUL byte came within the array, the string runs off its end, and it
 * reports "detected buffer overflow in __fortify_strlen" (6.1; "strlen: detected
 * buffer overflow: 5 byte read of buffer size 4" on newer kernels) and
 * calls BUG(): an oops, which lkmc's oops=panic turns into a panic. The
 * array is filled at run time from the parameter c, so the compiler
 * cannot compute the length itself. With c=0 the string is empty and the
 * module loads fine.
 *
 * Try it in the guest:
 *   insmod strlen_overflow.ko c=0; rmmod strlen_overflow    # fine
 *   insmod strlen_overflow.ko                               # overflow: panic
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/string.h>

static int c = 'a';
module_param(c, int, 0444);
MODULE_PARM_DESC(c, "byte to fill the 4-byte array with (0 makes it a valid string)");

static char buf[4];

static int __init myinit(void)
{
	memset(buf, c, sizeof(buf));
	pr_info("array of %zu bytes filled with %d, no NUL byte unless 0\n", sizeof(buf), c);
	pr_info("strlen = %zu\n", strlen(buf));
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A strlen past the end of an array caught by FORTIFY_SOURCE");
MODULE_LICENSE("GPL");
