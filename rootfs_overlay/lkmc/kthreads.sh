#!/bin/sh
# Test of kthreads.ko: both threads print, thread 1 at half the rate.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
insmod ./kthreads.ko period_ms=100
wait_dmesg 'kthreads: 0 4$' 10 || { rmmod kthreads; fail "thread 0 did not count to 4 within 10 s"; }
wait_dmesg 'kthreads: 1 2$' 10 || { rmmod kthreads; fail "thread 1 did not count to 2 within 10 s"; }
rmmod kthreads
n0=$(dmesg | grep -c 'kthreads: 0 ')
n1=$(dmesg | grep -c 'kthreads: 1 ')
[ "$n1" -lt "$n0" ] || fail "thread 1 printed $n1 times, thread 0 $n0: expected fewer"
