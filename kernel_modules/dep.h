/* SPDX-License-Identifier: GPL-2.0 */
/* What dep.ko exports for dep2.ko (see dep.c). */
#ifndef LKMC_DEP_H
#define LKMC_DEP_H

#include <linux/types.h>

extern u32 lkmc_dep;

#endif
