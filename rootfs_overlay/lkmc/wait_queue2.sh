#!/bin/sh
# Test of wait_queue2.ko: a reader blocks until a writer writes.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
f=/sys/kernel/debug/lkmc_wait_queue2
out=/tmp/lkmc_wait_queue2_test
insmod ./wait_queue2.ko
cat $f > $out &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f $out; rmmod wait_queue2' EXIT
wait_dmesg 'wait_queue2: read: sleeping$' 5 || fail "the reader did not go to sleep within 5 s"
delay 0.2
kill -0 $pid 2>/dev/null || fail "the reader did not block"
[ ! -s $out ] || fail "the reader got '$(cat $out)' before any write"
echo hello > $f
# cat writes what it read, then reads again and blocks again.
wait_dmesg 'wait_queue2: read: woken$' 5 || fail "the reader was not woken within 5 s"
delay 0.2
[ "$(cat $out)" = hello ] || fail "the reader got '$(cat $out)', expected hello"
