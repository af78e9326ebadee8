#!/bin/sh
# Test of character_device_create.ko: the /dev node comes and goes by itself.
fail() { echo "FAIL: $*"; exit 1; }
dev=/dev/lkmc_character_device_create
insmod ./character_device_create.ko
[ -c $dev ] || { rmmod character_device_create; fail "$dev is not a character device"; }
v=$(cat $dev)
major=$(awk '$2 == "lkmc_character_device_create" {print $1}' /proc/devices)
sys=$(cat /sys/class/lkmc_character_device_create/lkmc_character_device_create/dev)
rmmod character_device_create
[ "$v" = abcd ] || fail "$dev reads '$v', expected abcd"
[ "$sys" = "$major:0" ] || fail "sysfs dev is '$sys', expected $major:0"
[ ! -e $dev ] || fail "$dev is still there after rmmod"
