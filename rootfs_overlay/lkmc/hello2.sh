#!/bin/sh
# Test of hello2.ko: loaded next to hello.ko, both listed, either unloads first.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./hello.ko
insmod ./hello2.ko
grep -q '^hello ' /proc/modules || fail "hello not in /proc/modules"
grep -q '^hello2 ' /proc/modules || fail "hello2 not in /proc/modules"
rmmod hello
rmmod hello2
for line in 'hello: init' 'hello2: init' 'hello: cleanup' 'hello2: cleanup'; do
	dmesg | grep -q "$line\$" || fail "no '$line' in dmesg"
done
