// SPDX-License-Identifier: GPL-2.0
/*
 * memfile: a file that lives in kernel memory. /dev/lkmc_memfile (a misc
 * device: one call makes the device number and the /dev node) is backed by
 * a vmalloc() buffer of size bytes (module parameter, default 16 MiB;
 * vmalloc because a large kmalloc() needs physically contiguous pages).
 * It keeps what is written to it like a regular file: reads stop at the end
 * of the data, writes past size fail with ENOSPC, lseek works, and opening
 * it for writing with O_TRUNC (what "cp" and ">" do) empties it. A mutex
 * keeps concurrent readers and writers consistent.
 *
 * Try it in the guest:
 *   insmod memfile.ko size=1048576
 *   dd if=/dev/urandom of=/tmp/f bs=1024 count=100; cp /tmp/f /dev/lkmc_memfile
 *   cmp /tmp/f /dev/lkmc_memfile && echo same
 *   head -c 2000000 /dev/zero > /dev/lkmc_memfile     # No space left on device
 *   rmmod memfile
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

static unsigned long size = 16 << 20;
module_param(size, ulong, 0444);
MODULE_PARM_DESC(size, "capacity of the file in bytes");

static char *data;
/* How many bytes of data hold file contents. */
static size_t used;
static DEFINE_MUTEX(lock);

static int memfile_open(struct inode *inode, struct file *filp)
{
	if ((filp->f_mode & FMODE_WRITE) && (filp->f_flags & O_TRUNC)) {
		mutex_lock(&lock);
		used = 0;
		mutex_unlock(&lock);
	}
	return 0;
}

static ssize_t memfile_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	ssize_t ret;

	mutex_lock(&lock);
	ret = simple_read_from_buffer(buf, len, off, data, used);
	mutex_unlock(&lock);
	return ret;
}

static ssize_t memfile_write(struct file *filp, const char __user *buf, size_t len, loff_t *off)
{
	ssize_t ret;

	mutex_lock(&lock);
	if (filp->f_flags & O_APPEND)
		*off = used;
	if (*off >= size) {
		ret = len ? -ENOSPC : 0;
		goto out;
	}
	len = min_t(size_t, len, size - *off);
	if (copy_from_user(data + *off, buf, len)) {
		ret = -EFAULT;
		goto out;
	}
	*off += len;
	if (*off > used)
		used = *off;
	ret = len;
out:
	mutex_unlock(&lock);
	return ret;
}

static loff_t memfile_llseek(struct file *filp, loff_t off, int whence)
{
	return fixed_size_llseek(filp, off, whence, size);
}

static const struct file_operations memfile_fops = {
	.owner = THIS_MODULE,
	.open = memfile_open,
	.read = memfile_read,
	.write = memfile_write,
	.llseek = memfile_llseek,
};

static struct miscdevice memfile_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lkmc_memfile",
	.fops = &memfile_fops,
	.mode = 0666,
};

static int __init myinit(void)
{
	int ret;

	data = vmalloc(size);
	if (!data)
		return -ENOMEM;
	ret = misc_register(&memfile_misc);
	if (ret)
		goto err_free;
	pr_info("size = %lu\n", size);
	return 0;

err_free:
	vfree(data);
	return ret;
}

static void __exit myexit(void)
{
	misc_deregister(&memfile_misc);
	vfree(data);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A large file kept in a vmalloc buffer");
MODULE_LICENSE("GPL");
