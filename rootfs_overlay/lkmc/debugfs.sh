#!/bin/sh
# Test of debugfs.ko: a u32 variable read and written through debugfs.
fail() { echo "FAIL: $*"; exit 1; }
f=/sys/kernel/debug/lkmc_debugfs/myfile
insmod ./debugfs.ko
v=$(cat $f)
[ "$v" = 42 ] || { rmmod debugfs; fail "$f is '$v', expected 42"; }
echo 13 > $f
v=$(cat $f)
rmmod debugfs
[ "$v" = 13 ] || fail "after writing 13, $f is '$v'"
[ ! -e /sys/kernel/debug/lkmc_debugfs ] || fail "the directory is still there after rmmod"
dmesg | grep -q 'debugfs: exit myfile = 13$' || fail "the module did not see the write"
