// SPDX-License-Identifier: GPL-2.0
/*
 * irq: count the interrupts of a line that already has a driver. A line
 * can be shared by several devices (all must request it with IRQF_SHARED);
 * on each interrupt the kernel calls every handler on the line and each
 * one checks whether its device raised it. This module adds a handler to
 * the lines given in irqs= (numbers as in the first column of
 * /proc/interrupts): it counts the calls and answers IRQ_NONE ("not my
 * device"), so the real driver still handles every interrupt. A line whose
 * driver did not ask for sharing refuses with EBUSY (dmesg: "Flags
 * mismatch"); a per-CPU one (like the arch timer's) is refused here. The counts are in /sys/kernel/debug/lkmc_irq, one "irq count"
 * line per line, and /proc/interrupts lists lkmc_irq next to the driver.
 * Handlers run in hard interrupt context: no sleeping, be quick.
 *
 * Try it in the guest. On x86_64 the virtio disk, network and 9P devices
 * share the legacy PCI lines 10 and 11 (see /proc/interrupts):
 *   insmod irq.ko irqs=10,11; ls /mnt/9p/out > /dev/null
 *   cat /sys/kernel/debug/lkmc_irq; grep lkmc_irq /proc/interrupts
 *   rmmod irq; dmesg | tail
 * On arm and aarch64 virtio devices use MSI, which is never shared; a device
 * can be sent back to a legacy shared line by forbidding MSI and binding
 * its driver again, as rootfs_overlay/lkmc/irq.sh does with the network
 * card before it pings the host.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/seq_file.h>

#define MAX_IRQS 8

static int irqs[MAX_IRQS];
static int nirqs;
module_param_array(irqs, int, &nirqs, 0444);
MODULE_PARM_DESC(irqs, "interrupt lines to count, e.g. irqs=10,11");

/* One per line; its address is the dev_id that free_irq() needs. */
static atomic_t counts[MAX_IRQS];
static struct dentry *file;

static irqreturn_t lkmc_irq_handler(int irq, void *dev_id)
{
	atomic_t *count = dev_id;

	if (atomic_inc_return(count) == 1)
		pr_info("first interrupt on irq %d\n", irq);
	return IRQ_NONE;
}

static int lkmc_irq_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < nirqs; i++)
		seq_printf(m, "%d %d\n", irqs[i], atomic_read(&counts[i]));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(lkmc_irq);

static int __init myinit(void)
{
	int ret, i;

	if (!nirqs) {
		pr_err("say which lines to count: irqs=N[,N...] (see /proc/interrupts)\n");
		return -EINVAL;
	}
	for (i = 0; i < nirqs; i++) {
		struct irq_data *d = irq_get_irq_data(irqs[i]);

		/* request_irq() WARNs on per-CPU lines: refuse them first. */
		if (d && irqd_is_per_cpu(d)) {
			pr_err("irq %d is per-CPU, use request_percpu_irq()\n", irqs[i]);
			ret = -EINVAL;
			goto err_free;
		}
		ret = request_irq(irqs[i], lkmc_irq_handler, IRQF_SHARED, "lkmc_irq", &counts[i]);
		pr_info("request_irq irq = %d ret = %d\n", irqs[i], ret);
		if (ret)
			goto err_free;
	}
	file = debugfs_create_file("lkmc_irq", 0444, NULL, NULL, &lkmc_irq_fops);
	if (IS_ERR(file)) {
		ret = PTR_ERR(file);
		goto err_free;
	}
	return 0;

err_free:
	while (i--)
		free_irq(irqs[i], &counts[i]);
	return ret;
}

static void __exit myexit(void)
{
	int i;

	debugfs_remove(file);
	for (i = 0; i < nirqs; i++) {
		free_irq(irqs[i], &counts[i]);
		pr_info("irq %d: %d interrupts\n", irqs[i], atomic_read(&counts[i]));
	}
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Count the interrupts of shared interrupt lines");
MODULE_LICENSE("GPL");
