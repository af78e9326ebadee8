#!/bin/sh
# Test of params.ko: parameters from insmod, from sysfs, from modprobe.conf,
# and their descriptions in modinfo.
fail() { echo "FAIL: $*"; exit 1; }
# BusyBox modinfo wants modules.dep, even for a .ko path.
[ -e "/lib/modules/$(uname -r)/modules.dep" ] || { mkdir -p "/lib/modules/$(uname -r)"; depmod; }
p=/sys/module/params/parameters
insmod ./params.ko i=1 j=2
dmesg | grep -q 'params: init i = 1 j = 2$' || fail "insmod i=1 j=2 not seen by init"
[ "$(cat $p/i)" = 1 ] || fail "$p/i is '$(cat $p/i)', expected 1"
echo 3 > $p/j
rmmod params
dmesg | grep -q 'params: exit i = 1 j = 3$' || fail "the sysfs write j=3 not seen at exit"
modinfo ./params.ko | grep -q 'i:my favorite int' || fail "modinfo lacks the description of i"
modinfo ./params.ko | grep -q 'j:my second favorite int' || fail "modinfo lacks the description of j"

# modprobe takes default parameters from /etc/modprobe.conf (or
# /etc/modprobe.d/): the guest's has "options params i=12 j=34". modprobe
# finds params.ko by name in /lib/modules/RELEASE, where `lkmc build
# modules` installs it (make modules_install) for the next rootfs build;
# with an image built before that, this test puts this one there itself.
grep -q '^options params i=12 j=34$' /etc/modprobe.conf ||
	fail "/etc/modprobe.conf lacks 'options params i=12 j=34'"
dir=/lib/modules/$(uname -r)
if ! grep -q '/params.ko:' "$dir/modules.dep"; then
	cleanup() { rm -rf "$dir/extra_lkmc_params"; depmod; }
	trap cleanup EXIT
	mkdir -p "$dir/extra_lkmc_params"
	cp params.ko "$dir/extra_lkmc_params/"
	depmod
fi
modprobe params
v="$(cat $p/i) $(cat $p/j)"
modprobe -r params
[ "$v" = "12 34" ] || fail "after modprobe params: i j = '$v', expected '12 34' (/etc/modprobe.conf)"
