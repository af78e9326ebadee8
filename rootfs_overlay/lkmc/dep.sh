#!/bin/sh
# Test of dep.ko and dep2.ko with insmod: dep2 needs dep's exported symbol,
# so it loads only after dep, and dep cannot go while dep2 uses it.
fail() { echo "FAIL: $*"; rmmod dep2 2>/dev/null; rmmod dep 2>/dev/null; exit 1; }
if insmod ./dep2.ko 2>/dev/null; then
	fail "insmod dep2.ko without dep loaded succeeded"
fi
dmesg | grep -q 'dep2: Unknown symbol lkmc_dep' || fail "no 'Unknown symbol lkmc_dep' in dmesg"
insmod ./dep.ko
insmod ./dep2.ko
grep -q '^dep [0-9]* 1 dep2' /proc/modules || fail "dep is not used once by dep2: $(grep '^dep ' /proc/modules)"
grep -q ' lkmc_dep	\[dep\]' /proc/kallsyms || fail "lkmc_dep [dep] not in /proc/kallsyms"
if rmmod dep 2>/dev/null; then
	fail "rmmod dep succeeded while dep2 uses it"
fi
rmmod dep2
rmmod dep
dmesg | grep -q 'dep2: init lkmc_dep = 1$' || fail "dep2 did not increment lkmc_dep at init"
dmesg | grep -q 'dep: exit lkmc_dep = 2$' || fail "dep did not see dep2's increments"
