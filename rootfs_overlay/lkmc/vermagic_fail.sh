#!/bin/sh
# Test of vermagic_fail.ko: insmod must FAIL because of the wrong vermagic.
fail() { echo "FAIL: $*"; exit 1; }
if insmod ./vermagic_fail.ko; then
	rmmod vermagic_fail
	fail "insmod vermagic_fail.ko succeeded"
fi
dmesg | grep -q "vermagic_fail: version magic 'asdfqwer' should be '$(uname -r) " ||
	fail "no 'version magic ... should be' line in dmesg"
if dmesg | grep -q 'did not stop'; then
	fail "the init function ran"
fi
