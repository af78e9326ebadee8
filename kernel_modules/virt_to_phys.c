// SPDX-License-Identifier: GPL-2.0
/*
 * virt_to_phys: kernel virtual addresses and the physical memory behind
 * them. kmalloc() memory is in the kernel's linear map, where virtual and
 * physical addresses differ by a constant, so virt_to_phys() is just
 * arithmetic. A module's own variables are not: module memory is allocated
 * like vmalloc(), page by page, so virt_to_phys() would give a wrong
 * answer, and the page tables must be walked instead (vmalloc_to_page()).
 * virt_addr_valid() tells which case an address is.
 * To check both answers, the module maps each physical address it found
 * a second time (kmap_local_page(): the linear map address, or a temporary
 * mapping for highmem) and reads the variable there: two virtual
 * addresses, one physical location, 0x12345678 through both. Everything is printed when loaded and when reading
 * /sys/kernel/debug/lkmc_virt_to_phys.
 *
 * Try it in the guest:
 *   insmod virt_to_phys.ko; cat /sys/kernel/debug/lkmc_virt_to_phys
 *   rmmod virt_to_phys
 * then compare with the QEMU monitor: xp 0x<physical address>
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/version.h>
#include <linux/vmalloc.h>

static struct dentry *file;
static u32 *kmalloc_ptr;
static u32 static_var;

/* The physical address of p, by walking the page tables if need be. */
static phys_addr_t any_virt_to_phys(void *p)
{
	struct page *page;

	if (virt_addr_valid(p))
		return virt_to_phys(p);
	page = vmalloc_to_page(p);
	return page_to_phys(page) + offset_in_page(p);
}

/* Print to the seq_file m, or to the kernel log when m is NULL. */
#define out(m, fmt, ...) do {					\
	if (m)							\
		seq_printf(m, fmt, ##__VA_ARGS__);		\
	else							\
		pr_info(fmt, ##__VA_ARGS__);			\
} while (0)

static void show(struct seq_file *m, const char *name, u32 *p)
{
	phys_addr_t phys = any_virt_to_phys(p);
	struct page *page = pfn_to_page(PHYS_PFN(phys));
	const char *where = virt_addr_valid(p) ? "linear map" : "not linear map";
	u32 *alias;
	u32 value;

	out(m, "%s = %px (%s)\n", name, p, where);
	out(m, "%s physical = 0x%llx\n", name, (unsigned long long)phys);
	/* A second mapping of the same page: the linear map, or a temporary one for highmem. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
	alias = kmap_local_page(page);
	value = alias[offset_in_page(phys) / sizeof(u32)];
	kunmap_local(alias);
#else
	alias = kmap_atomic(page);
	value = alias[offset_in_page(phys) / sizeof(u32)];
	kunmap_atomic(alias);
#endif
	out(m, "%s read through another mapping of 0x%llx = 0x%x %s\n", name,
	    (unsigned long long)phys, value, value == *p ? "ok" : "MISMATCH");
}

static int lkmc_virt_to_phys_show(struct seq_file *m, void *v)
{
	show(m, "kmalloc_ptr", kmalloc_ptr);
	show(m, "&static_var", &static_var);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(lkmc_virt_to_phys);

static int __init myinit(void)
{
	int ret;

	kmalloc_ptr = kmalloc(sizeof(*kmalloc_ptr), GFP_KERNEL);
	if (!kmalloc_ptr)
		return -ENOMEM;
	*kmalloc_ptr = 0x12345678;
	static_var = 0x12345678;
	lkmc_virt_to_phys_show(NULL, NULL);
	file = debugfs_create_file("lkmc_virt_to_phys", 0444, NULL, NULL, &lkmc_virt_to_phys_fops);
	if (IS_ERR(file)) {
		ret = PTR_ERR(file);
		goto err_free;
	}
	return 0;

err_free:
	kfree(kmalloc_ptr);
	return ret;
}

static void __exit myexit(void)
{
	debugfs_remove(file);
	kfree(kmalloc_ptr);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Physical addresses of kmalloc memory and of module variables");
MODULE_LICENSE("GPL");
