#!/bin/sh
# Test of module_info.ko: .modinfo fields seen by modinfo, THIS_MODULE and sysfs.
fail() { echo "FAIL: $*"; exit 1; }
# BusyBox modinfo wants modules.dep, even for a .ko path.
[ -e "/lib/modules/$(uname -r)/modules.dep" ] || { mkdir -p "/lib/modules/$(uname -r)"; depmod; }
for field in asdf=qwer version=1.0 license=GPL; do
	v=$(modinfo -F "${field%=*}" ./module_info.ko)
	[ "$v" = "${field#*=}" ] || fail "modinfo -F ${field%=*}: '$v', expected '${field#*=}'"
done
insmod ./module_info.ko
v=$(cat /sys/module/module_info/version)
rmmod module_info
[ "$v" = 1.0 ] || fail "/sys/module/module_info/version is '$v'"
dmesg | grep -q 'module_info: name = module_info$' || fail "THIS_MODULE->name not printed"
dmesg | grep -q 'module_info: version = 1.0$' || fail "THIS_MODULE->version not printed"
