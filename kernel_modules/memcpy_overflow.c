// SPDX-License-Identifier: GPL-2.0
/*
 * memcpy_overflow: CONFIG_FORTIFY_SOURCE catching a buffer overflow at run
 * time. With FORTIFY_SOURCE, memcpy() and friends are inline wrappers that
 * know the size of the destination when the compiler does (here a global
 * 8-byte array) and compare it with the length. A constant length that is
 * too big is already a build error; this one comes from the module
 * parameter len (default 16), so the check happens at run time: "detected
 * buffer overflow in memcpy" (6.1; "memcpy: detected buffer overflow: 16
 * byte write of buffer size 8" on newer kernels) followed by a BUG(), an
 * oops, which lkmc's oops=panic turns into a panic. With len=8 or less the
 * module loads fine.
 *
 * Try it in the guest:
 *   insmod memcpy_overflow.ko len=8; rmmod memcpy_overflow   # fine
 *   insmod memcpy_overflow.ko                                # overflow: panic
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/string.h>

static uint len = 16;
module_param(len, uint, 0444);
MODULE_PARM_DESC(len, "bytes to copy into an 8-byte buffer");

static char dst[8];
static char src[32] = "0123456789abcdefghijklmnopqrstu";

static int __init myinit(void)
{
	if (len > sizeof(src))
		return -EINVAL;
	pr_info("copying %u bytes into a buffer of %zu\n", len, sizeof(dst));
	memcpy(dst, src, len);
	pr_info("copied: %.*s\n", (int)sizeof(dst), dst);
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A memcpy overflow caught by FORTIFY_SOURCE");
MODULE_LICENSE("GPL");
