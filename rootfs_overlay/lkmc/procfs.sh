#!/bin/sh
# Test of procfs.ko: /proc/lkmc_procfs reads "abcd", also from an offset.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./procfs.ko
v=$(cat /proc/lkmc_procfs)
w=$(dd if=/proc/lkmc_procfs bs=1 skip=2 2>/dev/null)
rmmod procfs
[ "$v" = abcd ] || fail "/proc/lkmc_procfs is '$v', expected abcd"
[ "$w" = cd ] || fail "read from offset 2 gave '$w', expected cd"
[ ! -e /proc/lkmc_procfs ] || fail "/proc/lkmc_procfs is still there after rmmod"
