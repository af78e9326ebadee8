#!/bin/sh
# Test of wait_queue.ko: all three waiters wake for each generation.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./wait_queue.ko period_ms=200
sleep 1
rmmod wait_queue
for g in 0 1 2; do
	for w in 0 1 2; do
		dmesg | grep -q "wait_queue: $w $g\$" || fail "waiter $w did not see generation $g"
	done
done
