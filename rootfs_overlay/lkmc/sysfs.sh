#!/bin/sh
# Test of sysfs.ko: the attribute /sys/kernel/lkmc_sysfs/foo reads and writes.
fail() { echo "FAIL: $*"; exit 1; }
f=/sys/kernel/lkmc_sysfs/foo
insmod ./sysfs.ko
trap 'rmmod sysfs' EXIT
[ "$(cat $f)" = 0 ] || fail "$f is '$(cat $f)', expected 0"
echo 12 > $f
[ "$(cat $f)" = 12 ] || fail "after writing 12, $f is '$(cat $f)'"
if echo abc > $f 2>/dev/null; then fail "writing abc was accepted"; fi
[ "$(cat $f)" = 12 ] || fail "a refused write changed $f to '$(cat $f)'"
dmesg | grep -q 'sysfs: foo = 12$' || fail "store() did not print 'foo = 12'"
