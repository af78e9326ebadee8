// SPDX-License-Identifier: GPL-2.0
/*
 * kstrto: parse numbers written from userland. The kstrto*() family
 * (here kstrtoint_from_user()) converts text to an integer, accepts a
 * trailing newline, takes base 0 to mean "0x" hex / "0" octal / decimal,
 * and returns -EINVAL for text that is not a number and -ERANGE for one
 * that does not fit, instead of silently giving garbage like simple_strtol.
 * Write a number to /sys/kernel/debug/lkmc_kstrto; reading gives back the
 * last number stored, in decimal.
 *
 * Try it in the guest:
 *   insmod kstrto.ko; cd /sys/kernel/debug
 *   echo 0x10 > lkmc_kstrto; cat lkmc_kstrto         # 16
 *   echo abc > lkmc_kstrto                            # Invalid argument
 *   echo 99999999999 > lkmc_kstrto                    # Numerical result out of range
 *   rmmod kstrto
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>

static struct dentry *file;
static int value;

static ssize_t kstrto_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	char text[16];
	int n = scnprintf(text, sizeof(text), "%d\n", value);

	return simple_read_from_buffer(buf, len, off, text, n);
}

static ssize_t kstrto_write(struct file *filp, const char __user *buf, size_t len, loff_t *off)
{
	int n;
	int ret = kstrtoint_from_user(buf, len, 0, &n);

	if (ret) {
		pr_info("kstrtoint_from_user returned %d\n", ret);
		return ret;
	}
	value = n;
	pr_info("value = %d\n", value);
	return len;
}

static const struct file_operations kstrto_fops = {
	.owner = THIS_MODULE,
	.read = kstrto_read,
	.write = kstrto_write,
};

static int __init myinit(void)
{
	file = debugfs_create_file("lkmc_kstrto", 0600, NULL, NULL, &kstrto_fops);
	if (IS_ERR(file))
		return PTR_ERR(file);
	return 0;
}

static void __exit myexit(void)
{
	debugfs_remove(file);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Parse integers written from userland with kstrto*()");
MODULE_LICENSE("GPL");
