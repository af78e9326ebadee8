#!/bin/sh
# Test of kthread.ko: the thread counts while loaded and stops at rmmod.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./kthread.ko period_ms=100
sleep 1
ps | grep -q '\[lkmc_kthread\]' || { rmmod kthread; fail "no lkmc_kthread in ps"; }
rmmod kthread
for i in 0 1 2 3; do
	dmesg | grep -q "kthread: $i\$" || fail "the thread did not print $i"
done
n=$(dmesg | grep -c 'kthread: [0-9]$')
sleep 0.3
[ "$(dmesg | grep -c 'kthread: [0-9]$')" = "$n" ] || fail "the thread still prints after rmmod"
