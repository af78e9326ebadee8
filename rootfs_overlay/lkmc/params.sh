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

# modprobe takes default parameters from /etc/modprobe.conf or /etc/modprobe.d/.
dir=/lib/modules/$(uname -r)
conf=/etc/modprobe.d/lkmc_params_test.conf
cleanup() { rm -f "$conf" "$dir/params.ko"; depmod; }
trap cleanup EXIT
mkdir -p "$dir" /etc/modprobe.d
cp params.ko "$dir/"
depmod
echo 'options params i=12 j=34' > "$conf"
modprobe params
v="$(cat $p/i) $(cat $p/j)"
modprobe -r params
[ "$v" = "12 34" ] || fail "after modprobe with $conf: i j = '$v', expected '12 34'"
