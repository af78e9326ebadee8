#!/bin/sh
# Test of timer.ko: the callback re-arms itself, and stops at rmmod.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
insmod ./timer.ko period_ms=100
wait_dmesg 'timer: 3 jiffies' 10 || { rmmod timer; fail "the callback did not count to 3 within 10 s"; }
rmmod timer
for i in 0 1 2; do
	dmesg | grep -q "timer: $i jiffies = [0-9]*\$" || fail "the callback did not print $i"
done
n=$(dmesg | grep -c 'timer: [0-9] jiffies')
delay 0.3
[ "$(dmesg | grep -c 'timer: [0-9] jiffies')" = "$n" ] || fail "the timer still fires after rmmod"
