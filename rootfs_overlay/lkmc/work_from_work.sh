#!/bin/sh
# Test of work_from_work.ko: the delayed work re-queues itself until rmmod.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./work_from_work.ko period_ms=100
sleep 1
rmmod work_from_work
for i in 0 1 2 3; do
	dmesg | grep -q "work_from_work: $i\$" || fail "the work did not print $i"
done
n=$(dmesg | grep -c 'work_from_work: [0-9]$')
sleep 0.3
[ "$(dmesg | grep -c 'work_from_work: [0-9]$')" = "$n" ] || fail "the work still runs after rmmod"
