#!/bin/sh
# Test of kthread.ko: the thread counts while loaded and stops at rmmod.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
insmod ./kthread.ko period_ms=100
wait_dmesg 'kthread: 3$' 10 || { rmmod kthread; fail "the thread did not count to 3 within 10 s"; }
ps | grep -q '\[lkmc_kthread\]' || { rmmod kthread; fail "no lkmc_kthread in ps"; }
rmmod kthread
for i in 0 1 2; do
	dmesg | grep -q "kthread: $i\$" || fail "the thread did not print $i"
done
n=$(dmesg | grep -c 'kthread: [0-9]$')
delay 0.3
[ "$(dmesg | grep -c 'kthread: [0-9]$')" = "$n" ] || fail "the thread still prints after rmmod"
