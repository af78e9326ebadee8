// SPDX-License-Identifier: GPL-2.0
/*
 * netlink: a socket between the kernel and processes. netlink_kernel_create()
 * opens the kernel end of the netlink protocol NETLINK_LKMC (netlink.h);
 * a process opens the other with socket(AF_NETLINK, SOCK_RAW, NETLINK_LKMC).
 * Each message a process sends runs netlink_input() synchronously, in the
 * sender's context; the module answers with nlmsg_unicast() to the sender's
 * port id, a message holding LKMC_NETLINK_REPLY plus the text it got.
 * Many kernel interfaces work like this (routing, uevents, audit). With
 * sleep=1 the handler sleeps 1 s before it answers, so several senders at
 * once show that handlers of different callers run concurrently.
 *
 * Try it in the guest:
 *   insmod netlink.ko; ./kernel_modules/netlink.out hello; rmmod netlink
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/netlink.h>
#include <linux/printk.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "netlink.h"

static bool sleep;
module_param(sleep, bool, 0644);
MODULE_PARM_DESC(sleep, "sleep 1 s before replying");

static struct sock *nl_sk;

static void netlink_input(struct sk_buff *skb)
{
	struct nlmsghdr *nlh = nlmsg_hdr(skb);
	u32 portid = NETLINK_CB(skb).portid;
	int len = nlmsg_len(nlh);
	struct sk_buff *out;
	struct nlmsghdr *onlh;
	size_t size;

	pr_info("from port %u: %.*s\n", portid, len, (char *)nlmsg_data(nlh));
	if (sleep)
		msleep(1000);
	size = strlen(LKMC_NETLINK_REPLY) + len;
	out = nlmsg_new(size, GFP_KERNEL);
	if (!out)
		return;
	onlh = nlmsg_put(out, 0, nlh->nlmsg_seq, NLMSG_DONE, size, 0);
	if (!onlh) {
		kfree_skb(out);
		return;
	}
	memcpy(nlmsg_data(onlh), LKMC_NETLINK_REPLY, strlen(LKMC_NETLINK_REPLY));
	memcpy(nlmsg_data(onlh) + strlen(LKMC_NETLINK_REPLY), nlmsg_data(nlh), len);
	/* nlmsg_unicast() consumes out, also on failure. */
	if (nlmsg_unicast(nl_sk, out, portid) < 0)
		pr_info("reply to port %u failed\n", portid);
}

static int __init myinit(void)
{
	struct netlink_kernel_cfg cfg = {
		.input = netlink_input,
	};

	nl_sk = netlink_kernel_create(&init_net, NETLINK_LKMC, &cfg);
	if (!nl_sk)
		return -ENOMEM;
	return 0;
}

static void __exit myexit(void)
{
	netlink_kernel_release(nl_sk);
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("A netlink socket that answers what processes send it");
MODULE_LICENSE("GPL");
