#!/bin/sh
# Test of fops.ko: reads and writes at offsets, and every call printed.
fail() { echo "FAIL: $*"; exit 1; }
f=/sys/kernel/debug/lkmc_fops
insmod ./fops.ko
trap 'rmmod fops' EXIT
[ "$(cat $f)" = abcd ] || fail "initial contents '$(cat $f)', expected abcd"
printf 01 > $f
[ "$(cat $f)" = 01cd ] || fail "after writing 01: '$(cat $f)', expected 01cd"
printf x | dd of=$f bs=1 seek=3 conv=notrunc 2>/dev/null
[ "$(cat $f)" = 01cx ] || fail "after writing x at 3: '$(cat $f)', expected 01cx"
[ "$(dd if=$f bs=1 skip=1 count=2 2>/dev/null)" = 1c ] || fail "read of 2 bytes at offset 1 is not 1c"
if printf yz | dd of=$f bs=1 seek=4 conv=notrunc 2>/dev/null; then
	fail "a write at the end of the 4-byte file succeeded"
fi
for call in open 'read len = ' 'write len = 2 off = 0' 'llseek off = 3 whence = ' release; do
	dmesg | grep -q "fops: $call" || fail "no '$call' in dmesg"
done
