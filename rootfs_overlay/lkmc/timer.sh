#!/bin/sh
# Test of timer.ko: the callback re-arms itself, and stops at rmmod.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./timer.ko period_ms=100
sleep 1
rmmod timer
for i in 0 1 2 3; do
	dmesg | grep -q "timer: $i jiffies = [0-9]*\$" || fail "the callback did not print $i"
done
n=$(dmesg | grep -c 'timer: [0-9] jiffies')
sleep 0.3
[ "$(dmesg | grep -c 'timer: [0-9] jiffies')" = "$n" ] || fail "the timer still fires after rmmod"
