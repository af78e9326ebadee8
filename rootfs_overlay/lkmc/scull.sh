#!/bin/sh
# Test of scull.ko: independent devices, data across quantum and qset
# boundaries, lseek, and truncation when opened write-only.
fail() { echo "FAIL: $*"; exit 1; }
tmp=/tmp/lkmc_scull_test
# A small quantum and qset make 30000 bytes span many quanta and qsets.
insmod ./scull.ko quantum=100 qset=10
trap 'rm -f $tmp; rmmod scull' EXIT
for i in 0 1 2 3; do
	[ -c /dev/scull$i ] || fail "/dev/scull$i missing"
done
echo hello > /dev/scull0
[ "$(cat /dev/scull0)" = hello ] || fail "scull0 reads '$(cat /dev/scull0)', expected hello"
[ -z "$(cat /dev/scull1)" ] || fail "scull1 is not empty"
dd if=/dev/urandom of=$tmp bs=1000 count=30 2>/dev/null
cp $tmp /dev/scull1
cmp $tmp /dev/scull1 || fail "30000 bytes read back from scull1 differ"
[ "$(dd if=/dev/scull1 bs=1 skip=12345 count=10 2>/dev/null | od -An -tx1)" = \
  "$(dd if=$tmp bs=1 skip=12345 count=10 2>/dev/null | od -An -tx1)" ] || fail "10 bytes at offset 12345 differ"
echo bye > /dev/scull1
[ "$(cat /dev/scull1)" = bye ] || fail "scull1 was not truncated by a write-only open"
[ "$(cat /dev/scull0)" = hello ] || fail "scull0 changed with scull1"
