#!/bin/sh
# Test of vermagic.ko: the module prints the running kernel's uname, and its
# vermagic starts with that same release.
fail() { echo "FAIL: $*"; exit 1; }
# BusyBox modinfo wants modules.dep, even for a .ko path.
[ -e "/lib/modules/$(uname -r)/modules.dep" ] || { mkdir -p "/lib/modules/$(uname -r)"; depmod; }
insmod ./vermagic.ko
rmmod vermagic
dmesg | grep -q "vermagic: release    = $(uname -r)\$" || fail "release is not $(uname -r)"
dmesg | grep -q "vermagic: machine    = $(uname -m)\$" || fail "machine is not $(uname -m)"
dmesg | grep -q "vermagic: sysname    = Linux\$" || fail "sysname is not Linux"
modinfo ./vermagic.ko | grep -q "^vermagic: *$(uname -r) " ||
	fail "modinfo vermagic does not start with $(uname -r): $(modinfo ./vermagic.ko | grep vermagic)"
