#!/bin/sh
# Test of pmccntr.ko (arm, aarch64): userland may read the cycle counter
# only while the module allows it.
fail() { echo "FAIL: $*"; exit 1; }
prog=./kernel_modules/pmccntr.out
# Without the module the read is an undefined instruction: SIGILL, 128 + 4.
set +e
$prog > /dev/null 2>&1
status=$?
set -e
[ "$status" = 132 ] || fail "before insmod: exit status $status, expected 132 (SIGILL)"
insmod ./pmccntr.ko
$prog || { rmmod pmccntr; fail "pmccntr.out failed with the module loaded"; }
rmmod pmccntr
dmesg | grep -q 'pmccntr: pmccntr = [0-9]*, 1 ms later [0-9]*, difference [1-9]' ||
	fail "the module did not see the counter advance"
set +e
$prog > /dev/null 2>&1
status=$?
set -e
[ "$status" = 132 ] || fail "after rmmod: exit status $status, expected 132 (SIGILL)"
