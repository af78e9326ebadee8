#!/bin/sh
# Test of kprobe_example.ko: the handlers run on each fork, not after rmmod.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./kprobe_example.ko
/bin/true
rmmod kprobe_example
dmesg | grep -q 'kprobe_example: planted kprobe at ' || fail "the kprobe was not planted"
dmesg | grep -q 'kprobe_example: <[a-z_]*> pre_handler: p->addr = ' || fail "the pre_handler never ran"
dmesg | grep -q 'kprobe_example: <[a-z_]*> post_handler: p->addr = ' || fail "the post_handler never ran"
n=$(dmesg | grep -c 'pre_handler')
/bin/true
[ "$(dmesg | grep -c 'pre_handler')" = "$n" ] || fail "the pre_handler still runs after rmmod"
