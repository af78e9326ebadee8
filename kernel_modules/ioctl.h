/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The ioctl interface of ioctl.ko (kernel_modules/ioctl.c), shared with its
 * userland half userland/kernel_modules/ioctl.c: a "uapi" header, so only
 * fixed-size __u32-style types, which have the same layout for 32-bit and
 * 64-bit callers. _IOWR(type, nr, argtype) encodes the direction, a magic
 * type byte, a number and the argument size into the request code.
 */
#ifndef LKMC_IOCTL_H
#define LKMC_IOCTL_H

#include <linux/ioctl.h>
#include <linux/types.h>

/* The device node the module creates. */
#define LKMC_IOCTL_PATH "/dev/lkmc_ioctl"

struct lkmc_ioctl_struct {
	__u32 i;
	__u32 j;
};

#define LKMC_IOCTL_MAGIC 0x33
/* Increment the __u32 pointed to. */
#define LKMC_IOCTL_INC _IOWR(LKMC_IOCTL_MAGIC, 0, __u32)
/* Increment .i and decrement .j of the struct pointed to. */
#define LKMC_IOCTL_INC_DEC _IOWR(LKMC_IOCTL_MAGIC, 1, struct lkmc_ioctl_struct)

#endif
