#!/bin/sh
# Test of anonymous_inode.ko: the userland half gets an anonymous fd and
# checks its name and the 1, 10, 100, ... reads.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./anonymous_inode.ko
trap 'rmmod anonymous_inode' EXIT
./kernel_modules/anonymous_inode.out || fail "anonymous_inode.out failed"
dmesg | grep -q 'anonymous_inode: new fd [0-9]' || fail "no 'new fd' in dmesg"
