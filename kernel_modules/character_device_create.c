// SPDX-License-Identifier: GPL-2.0
/*
 * character_device_create: a character device whose /dev node appears and
 * disappears by itself. alloc_chrdev_region() reserves a device number,
 * cdev_add() makes opens of it reach our file_operations, and
 * device_create() in a class registers a device with the driver core:
 * devtmpfs then makes /dev/lkmc_character_device_create (and udev or mdev
 * would get a uevent), and it shows in /sys/class/lkmc_character_device_create/.
 * device_destroy() at exit removes the node. Reading it gives "abcd".
 *
 * Try it in the guest:
 *   insmod character_device_create.ko
 *   ls -l /dev/lkmc_character_device_create; cat /dev/lkmc_character_device_create
 *   rmmod character_device_create; ls /dev/lkmc_character_device_create   # gone
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/version.h>

#define NAME "lkmc_character_device_create"

static const char text[] = "abcd\n";
static dev_t devt;
static struct cdev cdev;
static struct class *class;
static struct device *device;

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
	int ret;

	ret = alloc_chrdev_region(&devt, 0, 1, NAME);
	if (ret)
		return ret;
	cdev_init(&cdev, &chardev_fops);
	ret = cdev_add(&cdev, devt, 1);
	if (ret)
		goto err_unregister;
	/* class_create() lost its owner argument in 6.4. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	class = class_create(NAME);
#else
	class = class_create(THIS_MODULE, NAME);
#endif
	if (IS_ERR(class)) {
		ret = PTR_ERR(class);
		goto err_cdev;
	}
	device = device_create(class, NULL, devt, NULL, NAME);
	if (IS_ERR(device)) {
		ret = PTR_ERR(device);
		goto err_class;
	}
	pr_info("major = %d minor = %d\n", MAJOR(devt), MINOR(devt));
	return 0;

err_class:
	class_destroy(class);
err_cdev:
	cdev_del(&cdev);
err_unregister:
	unregister_chrdev_region(devt, 1);
	return ret;
}

static void __exit myexit(void)
{
	device_destroy(class, devt);
	class_destroy(class);
	cdev_del(&cdev);
	unregister_chrdev_region(devt, 1);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A character device whose /dev node is made automatically");
MODULE_LICENSE("GPL");
