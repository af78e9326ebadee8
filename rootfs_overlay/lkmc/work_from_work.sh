#!/bin/sh
# Test of work_from_work.ko: the delayed work re-queues itself until rmmod.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
insmod ./work_from_work.ko period_ms=100
wait_dmesg 'work_from_work: 3$' 10 || { rmmod work_from_work; fail "the work did not count to 3 within 10 s"; }
rmmod work_from_work
for i in 0 1 2; do
	dmesg | grep -q "work_from_work: $i\$" || fail "the work did not print $i"
done
n=$(dmesg | grep -c 'work_from_work: [0-9]$')
delay 0.3
[ "$(dmesg | grep -c 'work_from_work: [0-9]$')" = "$n" ] || fail "the work still runs after rmmod"
