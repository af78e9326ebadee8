#!/bin/sh
# Test of ioctl.ko: the userland half calls the ioctls and checks the results.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./ioctl.ko
trap 'rmmod ioctl' EXIT
./kernel_modules/ioctl.out || fail "ioctl.out failed"
dmesg | grep -q 'ioctl: LKMC_IOCTL_INC 1$' || fail "the module did not print LKMC_IOCTL_INC 1"
dmesg | grep -q 'ioctl: LKMC_IOCTL_INC_DEC 1 1$' || fail "the module did not print LKMC_IOCTL_INC_DEC 1 1"
