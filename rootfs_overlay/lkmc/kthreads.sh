#!/bin/sh
# Test of kthreads.ko: both threads print, thread 1 at half the rate.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./kthreads.ko period_ms=100
sleep 1
rmmod kthreads
dmesg | grep -q 'kthreads: 0 4$' || fail "thread 0 did not count to 4"
dmesg | grep -q 'kthreads: 1 2$' || fail "thread 1 did not count to 2"
n0=$(dmesg | grep -c 'kthreads: 0 ')
n1=$(dmesg | grep -c 'kthreads: 1 ')
[ "$n1" -lt "$n0" ] || fail "thread 1 printed $n1 times, thread 0 $n0: expected fewer"
