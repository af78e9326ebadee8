// SPDX-License-Identifier: GPL-2.0
/*
 * qemu_edu: a PCI driver for QEMU's "edu" teaching device (vendor 0x1234,
 * device 0x11e8; see docs/specs/edu.rst in QEMU). The PCI core calls probe()
 * for each matching device: we enable it, claim and map its memory BAR 0
 * and request its interrupt line. Then we talk to it through its registers:
 *   0x00 identification, 0x010000ed       0x04 liveness: reads back ~value
 *   0x08 factorial: write n, read n!      0x20 status (bit 0: computing)
 *   0x24 interrupt status                 0x60 raise an interrupt
 *   0x64 acknowledge an interrupt
 * probe() checks the identification, the liveness register and 5! = 120,
 * then raises an interrupt and waits for the handler, which reads the
 * status, acknowledges it and wakes probe(). remove() undoes probe().
 *
 * Try it in the guest, with QEMU started with "-device edu":
 *   lspci | grep 1234:11e8; insmod qemu_edu.ko; dmesg | tail
 *   ls /sys/bus/pci/drivers/lkmc_qemu_edu; rmmod qemu_edu
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/wait.h>

#define DRIVER_NAME "lkmc_qemu_edu"
#define EDU_ID 0x00
#define EDU_LIVENESS 0x04
#define EDU_FACTORIAL 0x08
#define EDU_STATUS 0x20
#define EDU_STATUS_COMPUTING 0x01
#define EDU_IRQ_STATUS 0x24
#define EDU_IRQ_RAISE 0x60
#define EDU_IRQ_ACK 0x64

struct edu {
	void __iomem *mmio;
	atomic_t irqs;
	wait_queue_head_t waitq;
};

static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu *edu = dev_id;
	u32 status = ioread32(edu->mmio + EDU_IRQ_STATUS);

	/* The line may be shared: a zero status means another device's interrupt. */
	if (!status)
		return IRQ_NONE;
	iowrite32(status, edu->mmio + EDU_IRQ_ACK);
	pr_info("interrupt: irq = %d status = 0x%x\n", irq, status);
	atomic_inc(&edu->irqs);
	wake_up(&edu->waitq);
	return IRQ_HANDLED;
}

/* Talk to the device; any unexpected answer fails the probe. */
static int edu_check(struct pci_dev *pdev, struct edu *edu)
{
	u32 v;
	int tries;

	v = ioread32(edu->mmio + EDU_ID);
	dev_info(&pdev->dev, "identification = 0x%08x\n", v);
	if ((v & 0xffff) != 0x00ed)
		return -ENODEV;
	iowrite32(0x12345678, edu->mmio + EDU_LIVENESS);
	v = ioread32(edu->mmio + EDU_LIVENESS);
	dev_info(&pdev->dev, "liveness: wrote 0x12345678 read 0x%08x\n", v);
	if (v != ~0x12345678U)
		return -EIO;
	iowrite32(5, edu->mmio + EDU_FACTORIAL);
	for (tries = 0; ioread32(edu->mmio + EDU_STATUS) & EDU_STATUS_COMPUTING; tries++) {
		if (tries == 1000)
			return -ETIMEDOUT;
		usleep_range(100, 200);
	}
	v = ioread32(edu->mmio + EDU_FACTORIAL);
	dev_info(&pdev->dev, "factorial 5! = %u\n", v);
	if (v != 120)
		return -EIO;
	iowrite32(0x1, edu->mmio + EDU_IRQ_RAISE);
	if (!wait_event_timeout(edu->waitq, atomic_read(&edu->irqs), HZ))
		return -ETIMEDOUT;
	return 0;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu;
	int ret;

	edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	init_waitqueue_head(&edu->waitq);
	ret = pci_enable_device(pdev);
	if (ret)
		goto err_free;
	ret = pci_request_region(pdev, 0, DRIVER_NAME);
	if (ret)
		goto err_disable;
	edu->mmio = pci_iomap(pdev, 0, 0);
	if (!edu->mmio) {
		ret = -ENOMEM;
		goto err_release;
	}
	ret = request_irq(pdev->irq, edu_irq, IRQF_SHARED, DRIVER_NAME, edu);
	if (ret)
		goto err_unmap;
	pci_set_drvdata(pdev, edu);
	ret = edu_check(pdev, edu);
	if (ret)
		goto err_irq;
	dev_info(&pdev->dev, "probed, irq %d\n", pdev->irq);
	return 0;

err_irq:
	free_irq(pdev->irq, edu);
err_unmap:
	pci_iounmap(pdev, edu->mmio);
err_release:
	pci_release_region(pdev, 0);
err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(edu);
	return ret;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	free_irq(pdev->irq, edu);
	pci_iounmap(pdev, edu->mmio);
	pci_release_region(pdev, 0);
	pci_disable_device(pdev);
	kfree(edu);
	dev_info(&pdev->dev, "removed\n");
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = DRIVER_NAME,
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

static int __init myinit(void)
{
	return pci_register_driver(&edu_driver);
}

static void __exit myexit(void)
{
	pci_unregister_driver(&edu_driver);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("PCI driver for QEMU's edu device");
MODULE_LICENSE("GPL");
