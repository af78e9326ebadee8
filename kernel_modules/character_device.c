// SPDX-License-Identifier: GPL-2.0
/*
 * character_device: a device file with a major number. register_chrdev(0,
 * ...) asks for a free major number and ties all its minors to our
 * file_operations; /proc/devices lists the name and major. No /dev node is
 * made for us: mknod makes one (see character_device_create for the
 * automatic way). Reading the device gives "abcd".
 *
 * Try it in the guest:
 *   insmod character_device.ko
 *   major=$(awk '$2 == "lkmc_character_device" {print $1}' /proc/devices)
 *   mknod /dev/lkmc_character_device c "$major" 0
 *   cat /dev/lkmc_character_device; rm /dev/lkmc_character_device
 *   rmmod character_device
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

#define NAME "lkmc_character_device"

static const char text[] = "abcd\n";
static int major;

static ssize_t chardev_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	return simple_read_from_buffer(buf, len, off, text, sizeof(text) - 1);
}

static const struct file_operations chardev_fops = {
	.owner = THIS_MODULE,
	.read = chardev_read,
	.llseek = default_llseek,
};

static int __init myinit(void)
{
	major = register_chrdev(0, NAME, &chardev_fops);
	if (major < 0)
		return major;
	pr_info("major = %d\n", major);
	return 0;
}

static void __exit myexit(void)
{
	unregister_chrdev(major, NAME);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A character device with a dynamic major number");
MODULE_LICENSE("GPL");
