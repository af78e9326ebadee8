#!/bin/sh
# Test of memfile.ko: a 1 MiB file in kernel memory keeps what is written,
# refuses to grow beyond its size, and is emptied by O_TRUNC.
fail() { echo "FAIL: $*"; exit 1; }
dev=/dev/lkmc_memfile
tmp=/tmp/lkmc_memfile_test
insmod ./memfile.ko size=1048576
trap 'rm -f $tmp; rmmod memfile' EXIT
[ "$(wc -c < $dev)" = 0 ] || fail "not empty at first"
dd if=/dev/urandom of=$tmp bs=1024 count=1000 2>/dev/null
cp $tmp $dev
cmp $tmp $dev || fail "read back differs from what was written"
echo hello > $dev
[ "$(cat $dev)" = hello ] || fail "after > (O_TRUNC): '$(head -c 20 $dev)'"
echo world >> $dev
[ "$(cat $dev | tr '\n' ' ')" = "hello world " ] || fail "after >> (O_APPEND): '$(cat $dev)'"
if dd if=/dev/zero of=$dev bs=1024 count=1025 2>/dev/null; then
	fail "writing 1 MiB + 1 byte into a 1 MiB file succeeded"
fi
[ "$(wc -c < $dev)" = 1048576 ] || fail "after the overflowing write: $(wc -c < $dev) bytes, expected 1048576"
