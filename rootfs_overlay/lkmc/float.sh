#!/bin/sh
# Test of float.ko (x86_64): double precision division in the kernel.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./float.ko a=1 b=3
rmmod float
insmod ./float.ko a=22 b=7
rmmod float
dmesg | grep -q 'float: 1 / 3 = 0.333333$' || fail "1 / 3 is not 0.333333"
dmesg | grep -q 'float: 22 / 7 = 3.142857$' || fail "22 / 7 is not 3.142857"
if insmod ./float.ko b=0 2>/dev/null; then rmmod float; fail "b=0 was accepted"; fi
