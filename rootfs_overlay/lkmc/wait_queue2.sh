#!/bin/sh
# Test of wait_queue2.ko: a reader blocks until a writer writes.
fail() { echo "FAIL: $*"; exit 1; }
f=/sys/kernel/debug/lkmc_wait_queue2
out=/tmp/lkmc_wait_queue2_test
insmod ./wait_queue2.ko
trap 'rm -f $out; rmmod wait_queue2' EXIT
cat $f > $out &
pid=$!
sleep 0.5
kill -0 $pid 2>/dev/null || fail "the reader did not block"
[ ! -s $out ] || fail "the reader got '$(cat $out)' before any write"
echo hello > $f
# cat goes on reading, and blocks again; its first read has the data.
sleep 0.5
[ "$(cat $out)" = hello ] || fail "the reader got '$(cat $out)', expected hello"
kill $pid
wait $pid 2>/dev/null || true
dmesg | grep -q 'wait_queue2: read: sleeping$' || fail "no 'read: sleeping'"
dmesg | grep -q 'wait_queue2: read: woken$' || fail "no 'read: woken'"
