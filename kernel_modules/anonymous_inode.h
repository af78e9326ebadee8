/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The ioctl interface of anonymous_inode.ko, shared with its userland half
 * userland/kernel_modules/anonymous_inode.c.
 */
#ifndef LKMC_ANONYMOUS_INODE_H
#define LKMC_ANONYMOUS_INODE_H

#include <linux/ioctl.h>

#define LKMC_ANONYMOUS_INODE_PATH "/dev/lkmc_anonymous_inode"

#define LKMC_ANONYMOUS_INODE_MAGIC 0x34
/* Returns a new file descriptor (the ioctl's return value). */
#define LKMC_ANONYMOUS_INODE_GET_FD _IO(LKMC_ANONYMOUS_INODE_MAGIC, 0)

#endif
