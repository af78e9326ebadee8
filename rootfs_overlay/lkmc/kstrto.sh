#!/bin/sh
# Test of kstrto.ko: decimal, hex and negative numbers parse; junk and
# out-of-range numbers are refused with EINVAL and ERANGE.
fail() { echo "FAIL: $*"; exit 1; }
f=/sys/kernel/debug/lkmc_kstrto
insmod ./kstrto.ko
trap 'rmmod kstrto' EXIT
for pair in 1234:1234 0x10:16 -5:-5 010:8; do
	echo "${pair%:*}" > $f
	v=$(cat $f)
	[ "$v" = "${pair#*:}" ] || fail "wrote ${pair%:*}, read $v, expected ${pair#*:}"
done
if echo abc > $f 2>/dev/null; then fail "abc was accepted"; fi
if echo 99999999999 > $f 2>/dev/null; then fail "99999999999 was accepted"; fi
[ "$(cat $f)" = 8 ] || fail "a refused write changed the value to $(cat $f)"
dmesg | grep -q 'kstrto: kstrtoint_from_user returned -22$' || fail "no EINVAL (-22) for abc"
dmesg | grep -q 'kstrto: kstrtoint_from_user returned -34$' || fail "no ERANGE (-34) for 99999999999"
