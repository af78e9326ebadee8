#!/bin/sh
# Test of workqueue_cheat.ko: the queued work items run in order in a kworker.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./workqueue_cheat.ko n=3 period_ms=100
# rmmod waits for any work still queued.
sleep 0.2
rmmod workqueue_cheat
dmesg | grep -q 'workqueue_cheat: queued 3 work items$' || fail "no 'queued 3 work items'"
for i in 0 1 2; do
	dmesg | grep -q "workqueue_cheat: work $i in kworker/" || fail "work $i did not run in a kworker"
done
order=$(dmesg | sed -n 's/.*workqueue_cheat: work \([0-9]\) in .*/\1/p' | tr -d '\n')
[ "$order" = 012 ] || fail "work items ran in order $order, expected 012"
