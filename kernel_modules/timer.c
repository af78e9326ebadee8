// SPDX-License-Identifier: GPL-2.0
/*
 * timer: run a function later, from the timer interrupt. timer_setup()
 * names the callback; mod_timer() arms the timer for an absolute time in
 * jiffies (the tick counter, HZ per second). The callback runs in softirq
 * context: it must not sleep, and it re-arms the timer itself to print
 * 0 to 9 over and over, one number every period_ms milliseconds, with the
 * jiffies at that moment. The exit function waits for a running callback
 * and deactivates the timer, so no callback runs after rmmod.
 * del_timer_sync() was renamed timer_delete_sync() in 6.2, and the old
 * name removed in 6.15; from_timer() became timer_container_of() in 6.16.
 *
 * Try it in the guest:
 *   insmod timer.ko; sleep 3; rmmod timer; dmesg | tail
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/timer.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
#define timer_delete_sync del_timer_sync
#endif

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two callbacks");

struct lkmc_timer {
	struct timer_list timer;
	unsigned int i;
};

static struct lkmc_timer mytimer;

static void lkmc_timer_callback(struct timer_list *t)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
	struct lkmc_timer *data = timer_container_of(data, t, timer);
#else
	struct lkmc_timer *data = from_timer(data, t, timer);
#endif

	pr_info("%u jiffies = %lu\n", data->i, jiffies);
	data->i = (data->i + 1) % 10;
	mod_timer(&data->timer, jiffies + msecs_to_jiffies(period_ms));
}

static int __init myinit(void)
{
	timer_setup(&mytimer.timer, lkmc_timer_callback, 0);
	mod_timer(&mytimer.timer, jiffies + msecs_to_jiffies(period_ms));
	return 0;
}

static void __exit myexit(void)
{
	/* Also safe against the callback re-arming the timer meanwhile. */
	timer_delete_sync(&mytimer.timer);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A kernel timer that re-arms itself");
MODULE_LICENSE("GPL");
