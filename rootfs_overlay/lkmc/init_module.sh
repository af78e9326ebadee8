#!/bin/sh
# Test of init_module.ko: the old-style entry point names still work.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./init_module.ko
rmmod init_module
dmesg | grep -q 'init_module: init_module$' || fail "init_module() did not run"
dmesg | grep -q 'init_module: cleanup_module$' || fail "cleanup_module() did not run"
