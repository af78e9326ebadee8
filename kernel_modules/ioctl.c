// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl: commands beyond read and write. unlocked_ioctl() receives a
 * request code and an argument, here a pointer into the caller's memory
 * that copy_from_user()/copy_to_user() cross. The request codes and the
 * argument struct are in the uapi header ioctl.h, included by the module
 * and by the userland program alike, so both agree on them. Unknown
 * request codes fail with ENOTTY ("Inappropriate ioctl for device").
 * The device is a misc device, /dev/lkmc_ioctl.
 *
 * Try it in the guest:
 *   insmod ioctl.ko; ./kernel_modules/ioctl.out; rmmod ioctl
 * The program calls both ioctls and checks the values that come back.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "ioctl.h"

static long ioctl_ioctl(struct file *filp, unsigned int cmd, unsigned long argp)
{
	void __user *arg = (void __user *)argp;
	struct lkmc_ioctl_struct s;
	u32 n;

	switch (cmd) {
	case LKMC_IOCTL_INC:
		if (copy_from_user(&n, arg, sizeof(n)))
			return -EFAULT;
		pr_info("LKMC_IOCTL_INC %u\n", n);
		n++;
		if (copy_to_user(arg, &n, sizeof(n)))
			return -EFAULT;
		return 0;
	case LKMC_IOCTL_INC_DEC:
		if (copy_from_user(&s, arg, sizeof(s)))
			return -EFAULT;
		pr_info("LKMC_IOCTL_INC_DEC %u %u\n", s.i, s.j);
		s.i++;
		s.j--;
		if (copy_to_user(arg, &s, sizeof(s)))
			return -EFAULT;
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ioctl_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = ioctl_ioctl,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 5, 0)
	/* 32-bit programs on a 64-bit kernel: the argument is just a pointer. */
	.compat_ioctl = compat_ptr_ioctl,
#endif
};

static struct miscdevice ioctl_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lkmc_ioctl",
	.fops = &ioctl_fops,
	.mode = 0666,
};

static int __init myinit(void)
{
	return misc_register(&ioctl_misc);
}

static void __exit myexit(void)
{
	misc_deregister(&ioctl_misc);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("ioctl with a struct argument, defined in a shared uapi header");
MODULE_LICENSE("GPL");
