// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs: an attribute file in /sys. sysfs shows kernel objects (kobjects)
 * as directories and their attributes as files holding one value each.
 * kobject_create_and_add() makes /sys/kernel/lkmc_sysfs, and the attribute
 * group adds the file foo to it; its show() prints the value (sysfs_emit()
 * knows the page-sized buffer) and store() parses what was written.
 *
 * Try it in the guest:
 *   insmod sysfs.ko; cd /sys/kernel/lkmc_sysfs
 *   cat foo; echo 12 > foo; cat foo; cd /; rmmod sysfs
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sysfs.h>
#include <linux/version.h>

static struct kobject *kobj;
static int foo;

static ssize_t foo_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 10, 0)
	return sysfs_emit(buf, "%d\n", foo);
#else
	return scnprintf(buf, PAGE_SIZE, "%d\n", foo);
#endif
}

static ssize_t foo_store(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count)
{
	int ret = kstrtoint(buf, 0, &foo);

	if (ret)
		return ret;
	pr_info("foo = %d\n", foo);
	return count;
}

static struct kobj_attribute foo_attribute = __ATTR_RW(foo);

static struct attribute *attrs[] = {
	&foo_attribute.attr,
	NULL,
};

static const struct attribute_group attr_group = {
	.attrs = attrs,
};

static int __init myinit(void)
{
	int ret;

	kobj = kobject_create_and_add("lkmc_sysfs", kernel_kobj);
	if (!kobj)
		return -ENOMEM;
	ret = sysfs_create_group(kobj, &attr_group);
	if (ret)
		goto err_put;
	return 0;

err_put:
	kobject_put(kobj);
	return ret;
}

static void __exit myexit(void)
{
	sysfs_remove_group(kobj, &attr_group);
	kobject_put(kobj);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("An attribute file in /sys/kernel/lkmc_sysfs");
MODULE_LICENSE("GPL");
