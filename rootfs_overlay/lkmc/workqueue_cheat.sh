#!/bin/sh
# Test of workqueue_cheat.ko: the queued work items run in order in a kworker.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
insmod ./workqueue_cheat.ko n=3 period_ms=100
wait_dmesg 'workqueue_cheat: work 2 in ' 10 || { rmmod workqueue_cheat; fail "work 2 did not run within 10 s"; }
rmmod workqueue_cheat
dmesg | grep -q 'workqueue_cheat: queued 3 work items$' || fail "no 'queued 3 work items'"
for i in 0 1 2; do
	dmesg | grep -q "workqueue_cheat: work $i in kworker/" || fail "work $i did not run in a kworker"
done
order=$(dmesg | sed -n 's/.*workqueue_cheat: work \([0-9]\) in .*/\1/p' | tr -d '\n')
[ "$order" = 012 ] || fail "work items ran in order $order, expected 012"
