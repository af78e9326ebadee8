#!/bin/sh
# Test of hello.ko: init and exit functions run at insmod and rmmod.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./hello.ko
grep -q '^hello ' /proc/modules || fail "hello not in /proc/modules"
rmmod hello
dmesg | grep -q 'hello: init$' || fail "no 'hello: init' in dmesg"
dmesg | grep -q 'hello: cleanup$' || fail "no 'hello: cleanup' in dmesg"
