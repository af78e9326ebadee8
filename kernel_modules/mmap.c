// SPDX-License-Identifier: GPL-2.0
/*
 * mmap: share a kernel buffer with a process without copying. Each open of
 * /dev/lkmc_mmap gets one zeroed page; the mmap() file operation maps that
 * very page into the caller's address space with remap_pfn_range(), so a
 * store through the mapping is seen by the kernel at once, and the other
 * way round. read() and write() on the same fd copy from and into the page,
 * which lets the userland half compare both views. The page is freed in
 * release(), which only runs after the last mapping of the file is gone.
 *
 * Try it in the guest:
 *   insmod mmap.ko; ./kernel_modules/mmap.out; rmmod mmap; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/uaccess.h>

static int mmap_open(struct inode *inode, struct file *filp)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	filp->private_data = page;
	pr_info("open\n");
	return 0;
}

static ssize_t mmap_read(struct file *filp, char __user *buf, size_t len, loff_t *off)
{
	return simple_read_from_buffer(buf, len, off, filp->private_data, PAGE_SIZE);
}

static ssize_t mmap_write(struct file *filp, const char __user *buf, size_t len, loff_t *off)
{
	return simple_write_to_buffer(filp->private_data, PAGE_SIZE, off, buf, len);
}

static int mmap_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long pfn = page_to_pfn(virt_to_page(filp->private_data));

	pr_info("mmap vm_start = %lx size = %lu\n", vma->vm_start, size);
	if (vma->vm_pgoff || size > PAGE_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, pfn, size, vma->vm_page_prot);
}

static int mmap_release(struct inode *inode, struct file *filp)
{
	pr_info("release\n");
	free_page((unsigned long)filp->private_data);
	return 0;
}

static const struct file_operations mmap_fops = {
	.owner = THIS_MODULE,
	.open = mmap_open,
	.read = mmap_read,
	.write = mmap_write,
	.llseek = default_llseek,
	.mmap = mmap_mmap,
	.release = mmap_release,
};

static struct miscdevice mmap_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lkmc_mmap",
	.fops = &mmap_fops,
	.mode = 0666,
};

static int __init myinit(void)
{
	return misc_register(&mmap_misc);
}

static void __exit myexit(void)
{
	misc_deregister(&mmap_misc);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Map a kernel page into a process with remap_pfn_range");
MODULE_LICENSE("GPL");
