#!/bin/sh
# Test of wait_queue.ko: all three waiters wake for each generation.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
insmod ./wait_queue.ko period_ms=200
wait_dmesg 'wait_queue: [0-2] 3$' 10 || { rmmod wait_queue; fail "no waiter saw generation 3 within 10 s"; }
rmmod wait_queue
for g in 0 1 2; do
	for w in 0 1 2; do
		dmesg | grep -q "wait_queue: $w $g\$" || fail "waiter $w did not see generation $g"
	done
done
