#!/bin/sh
# Test of dep2.ko with modprobe: modpost recorded "depends=dep" in dep2.ko,
# depmod turns it into a modules.dep line, and modprobe dep2 loads dep
# first; modprobe -r dep2 removes both.
fail() { echo "FAIL: $*"; exit 1; }
# BusyBox modinfo wants modules.dep, even for a .ko path.
[ -e "/lib/modules/$(uname -r)/modules.dep" ] || { mkdir -p "/lib/modules/$(uname -r)"; depmod; }
modinfo ./dep2.ko | grep -q '^depends: *dep$' || fail "modinfo dep2.ko: no 'depends: dep'"
dir=/lib/modules/$(uname -r)
cleanup() {
	rmmod dep2 2>/dev/null || true
	rmmod dep 2>/dev/null || true
}
# `lkmc build modules` installs both in /lib/modules/RELEASE/extra (make
# modules_install, whose depmod wrote the line) for the next rootfs build;
# with an image built before that, this test puts them there itself.
if ! grep -q '^extra/dep2.ko: extra/dep.ko$' "$dir/modules.dep"; then
	cleanup() {
		rmmod dep2 2>/dev/null || true
		rmmod dep 2>/dev/null || true
		rm -rf "$dir/extra_lkmc_dep"
		depmod
	}
	mkdir -p "$dir/extra_lkmc_dep"
	cp dep.ko dep2.ko "$dir/extra_lkmc_dep/"
	depmod
	# dep may resolve to an installed copy of it: any dep.ko will do.
	grep -q '^extra_lkmc_dep/dep2.ko: .*dep.ko$' "$dir/modules.dep" ||
		fail "modules.dep lacks 'extra_lkmc_dep/dep2.ko: extra_lkmc_dep/dep.ko'"
fi
trap cleanup EXIT
modprobe dep2
grep -q '^dep ' /proc/modules || fail "modprobe dep2 did not load dep"
grep -q '^dep2 ' /proc/modules || fail "modprobe dep2 did not load dep2"
modprobe -r dep2
if grep -q '^dep ' /proc/modules; then
	fail "modprobe -r dep2 left dep loaded"
fi
