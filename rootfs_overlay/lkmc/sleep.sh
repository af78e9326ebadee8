#!/bin/sh
# Test of sleep.ko: module_init sleeps; insmod returns when it is done.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./sleep.ko n=3 period_ms=200
# insmod has returned, so init has printed everything.
for line in 0 1 2 done; do
	dmesg | grep -q "sleep: $line\$" || { rmmod sleep; fail "no '$line' when insmod returned"; }
done
rmmod sleep
