#!/bin/sh
# Test of character_device.ko: find the major in /proc/devices, make the
# node with mknod, read it.
fail() { echo "FAIL: $*"; exit 1; }
dev=/dev/lkmc_character_device
insmod ./character_device.ko
trap 'rm -f $dev; rmmod character_device' EXIT
major=$(awk '$2 == "lkmc_character_device" {print $1}' /proc/devices)
[ -n "$major" ] || fail "lkmc_character_device not in /proc/devices"
dmesg | grep -q "character_device: major = $major\$" || fail "dmesg major differs from /proc/devices $major"
[ ! -e $dev ] || fail "$dev exists before mknod"
mknod $dev c "$major" 0
[ "$(cat $dev)" = abcd ] || fail "$dev reads '$(cat $dev)', expected abcd"
