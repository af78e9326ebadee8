// SPDX-License-Identifier: GPL-2.0
/*
 * scull: the "Simple Character Utility for Loading Localities" of Linux
 * Device Drivers, 3rd edition, chapter 3. Each of nr_devs devices
 * /dev/scull0, /dev/scull1, ... is a memory area that grows as it is
 * written: a linked list of qsets, each an array of qset pointers to
 * quantum-byte blocks, allocated on first write. One read() or write()
 * never crosses a quantum boundary (the caller loops, as cat and dd do).
 * Opening a device write-only empties it, like a regular file, and a mutex
 * per device serializes access. The devices are independent of each other.
 *
 * Try it in the guest:
 *   insmod scull.ko; ls -l /dev/scull*
 *   echo hello > /dev/scull0; cat /dev/scull0; cat /dev/scull1    # empty
 *   dd if=/dev/urandom of=/tmp/f bs=1000 count=30; cp /tmp/f /dev/scull1
 *   cmp /tmp/f /dev/scull1; rmmod scull
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/version.h>

static int nr_devs = 4;
module_param(nr_devs, int, 0444);
MODULE_PARM_DESC(nr_devs, "number of devices");
static int quantum = 4000;
module_param(quantum, int, 0444);
MODULE_PARM_DESC(quantum, "bytes per quantum");
static int qset = 1000;
module_param(qset, int, 0444);
MODULE_PARM_DESC(qset, "quanta per qset");

struct scull_qset {
	void **data;
	struct scull_qset *next;
};

struct scull_dev {
	struct scull_qset *data;	/* first qset of the list */
	int quantum;			/* sizes in force since the last trim */
	int qset;
	unsigned long size;		/* bytes stored */
	struct mutex lock;
	struct cdev cdev;
};

static dev_t devt;
static struct class *class;
static struct scull_dev *devs;

/* Free all the data of dev: what opening it write-only does. */
static void scull_trim(struct scull_dev *dev)
{
	struct scull_qset *dptr, *next;
	int i;

	for (dptr = dev->data; dptr; dptr = next) {
		if (dptr->data) {
			for (i = 0; i < dev->qset; i++)
				kfree(dptr->data[i]);
			kfree(dptr->data);
		}
		next = dptr->next;
		kfree(dptr);
	}
	dev->data = NULL;
	dev->size = 0;
	dev->quantum = quantum;
	dev->qset = qset;
}

/* The n-th qset of the list, allocating the missing ones. */
static struct scull_qset *scull_follow(struct scull_dev *dev, int n)
{
	struct scull_qset *qs = dev->data;

	if (!qs) {
		qs = kzalloc(sizeof(*qs), GFP_KERNEL);
		if (!qs)
			return NULL;
		dev->data = qs;
	}
	while (n--) {
		if (!qs->next) {
			qs->next = kzalloc(sizeof(*qs), GFP_KERNEL);
			if (!qs->next)
				return NULL;
		}
		qs = qs->next;
	}
	return qs;
}

static int scull_open(struct inode *inode, struct file *filp)
{
	struct scull_dev *dev = container_of(inode->i_cdev, struct scull_dev, cdev);

	filp->private_data = dev;
	if ((filp->f_flags & O_ACCMODE) == O_WRONLY) {
		if (mutex_lock_interruptible(&dev->lock))
			return -ERESTARTSYS;
		scull_trim(dev);
		mutex_unlock(&dev->lock);
	}
	return 0;
}

static ssize_t scull_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	struct scull_qset *dptr;
	int itemsize, item, s_pos, q_pos, rest;
	ssize_t ret = 0;

	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	if (*f_pos >= dev->size)
		goto out;
	if (*f_pos + count > dev->size)
		count = dev->size - *f_pos;
	itemsize = dev->quantum * dev->qset;
	item = (long)*f_pos / itemsize;
	rest = (long)*f_pos % itemsize;
	s_pos = rest / dev->quantum;
	q_pos = rest % dev->quantum;
	dptr = scull_follow(dev, item);
	if (!dptr || !dptr->data || !dptr->data[s_pos])
		goto out;	/* a hole: nothing was written here */
	if (count > dev->quantum - q_pos)
		count = dev->quantum - q_pos;
	if (copy_to_user(buf, dptr->data[s_pos] + q_pos, count)) {
		ret = -EFAULT;
		goto out;
	}
	*f_pos += count;
	ret = count;
out:
	mutex_unlock(&dev->lock);
	return ret;
}

static ssize_t scull_write(struct file *filp, const char __user *buf, size_t count,
			   loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	struct scull_qset *dptr;
	int itemsize, item, s_pos, q_pos, rest;
	ssize_t ret = -ENOMEM;

	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	itemsize = dev->quantum * dev->qset;
	item = (long)*f_pos / itemsize;
	rest = (long)*f_pos % itemsize;
	s_pos = rest / dev->quantum;
	q_pos = rest % dev->quantum;
	dptr = scull_follow(dev, item);
	if (!dptr)
		goto out;
	if (!dptr->data) {
		dptr->data = kcalloc(dev->qset, sizeof(*dptr->data), GFP_KERNEL);
		if (!dptr->data)
			goto out;
	}
	if (!dptr->data[s_pos]) {
		dptr->data[s_pos] = kmalloc(dev->quantum, GFP_KERNEL);
		if (!dptr->data[s_pos])
			goto out;
	}
	if (count > dev->quantum - q_pos)
		count = dev->quantum - q_pos;
	if (copy_from_user(dptr->data[s_pos] + q_pos, buf, count)) {
		ret = -EFAULT;
		goto out;
	}
	*f_pos += count;
	ret = count;
	if (dev->size < *f_pos)
		dev->size = *f_pos;
out:
	mutex_unlock(&dev->lock);
	return ret;
}

static loff_t scull_llseek(struct file *filp, loff_t off, int whence)
{
	struct scull_dev *dev = filp->private_data;
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		pos = filp->f_pos + off;
		break;
	case SEEK_END:
		pos = dev->size + off;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	filp->f_pos = pos;
	return pos;
}

static const struct file_operations scull_fops = {
	.owner = THIS_MODULE,
	.open = scull_open,
	.read = scull_read,
	.write = scull_write,
	.llseek = scull_llseek,
};

/* Undo myinit for devices 0 to n - 1, then the rest. */
static void scull_cleanup(int n)
{
	while (n--) {
		device_destroy(class, MKDEV(MAJOR(devt), n));
		cdev_del(&devs[n].cdev);
		scull_trim(&devs[n]);
	}
	kfree(devs);
	class_destroy(class);
	unregister_chrdev_region(devt, nr_devs);
}

static int __init myinit(void)
{
	struct device *device;
	int ret, i;

	if (nr_devs < 1 || quantum < 1 || qset < 1)
		return -EINVAL;
	ret = alloc_chrdev_region(&devt, 0, nr_devs, "scull");
	if (ret)
		return ret;
	/* class_create() lost its owner argument in 6.4. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	class = class_create("scull");
#else
	class = class_create(THIS_MODULE, "scull");
#endif
	if (IS_ERR(class)) {
		ret = PTR_ERR(class);
		goto err_region;
	}
	devs = kcalloc(nr_devs, sizeof(*devs), GFP_KERNEL);
	if (!devs) {
		ret = -ENOMEM;
		goto err_class;
	}
	for (i = 0; i < nr_devs; i++) {
		struct scull_dev *dev = &devs[i];

		dev->quantum = quantum;
		dev->qset = qset;
		mutex_init(&dev->lock);
		cdev_init(&dev->cdev, &scull_fops);
		dev->cdev.owner = THIS_MODULE;
		ret = cdev_add(&dev->cdev, MKDEV(MAJOR(devt), i), 1);
		if (ret)
			goto err_devices;
		device = device_create(class, NULL, MKDEV(MAJOR(devt), i), NULL, "scull%d", i);
		if (IS_ERR(device)) {
			ret = PTR_ERR(device);
			cdev_del(&dev->cdev);
			goto err_devices;
		}
	}
	pr_info("major = %d nr_devs = %d\n", MAJOR(devt), nr_devs);
	return 0;

err_devices:
	/* Devices 0 to i - 1 are complete; scull_cleanup() undoes them and the rest. */
	scull_cleanup(i);
	return ret;
err_class:
	class_destroy(class);
err_region:
	unregister_chrdev_region(devt, nr_devs);
	return ret;
}

static void __exit myexit(void)
{
	scull_cleanup(nr_devs);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("LDD3's scull: memory devices made of quantum-sized blocks");
MODULE_LICENSE("GPL");
