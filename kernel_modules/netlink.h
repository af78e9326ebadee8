/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * What netlink.ko and its userland half userland/kernel_modules/netlink.c
 * agree on: the netlink protocol number (a free one of the 32) and the
 * prefix of the module's reply.
 */
#ifndef LKMC_NETLINK_H
#define LKMC_NETLINK_H

#define NETLINK_LKMC 31
#define LKMC_NETLINK_REPLY "reply: "

#endif
