#!/bin/sh
# Run kernel module tests in the guest, one result line per module:
#   lkmc_test NAME PASS
#   lkmc_test NAME FAIL <why>, preceded by "lkmc_test_out NAME: ..." lines
# Usage: test_all.sh [NAME...]   (default: every NAME.sh next to this script
# that has a NAME.ko). Exit status: the number of failures.
#
# Modules and programs are taken from the host's out/ over 9P when it is
# mounted, so a rebuilt module is tested without rebuilding the root
# filesystem; the scripts likewise from the host's rootfs_overlay/.
ko_dir=/lkmc
[ -d /mnt/9p/out_rootfs_overlay/lkmc ] && ko_dir=/mnt/9p/out_rootfs_overlay/lkmc
sh_dir=/lkmc
[ -d /mnt/9p/rootfs_overlay/lkmc ] && sh_dir=/mnt/9p/rootfs_overlay/lkmc
cd "$ko_dir" || exit 1
if [ $# -eq 0 ]; then
	for ko in *.ko; do
		m=${ko%.ko}
		[ -f "$sh_dir/$m.sh" ] && set -- "$@" "$m"
	done
fi
fails=0
for m in "$@"; do
	if [ ! -f "$sh_dir/$m.sh" ]; then
		echo "lkmc_test $m FAIL no test script $sh_dir/$m.sh"
		fails=$((fails + 1))
		continue
	fi
	dmesg -c > /dev/null
	out=$(sh -e "$sh_dir/$m.sh" 2>&1)
	status=$?
	# A test that left its module loaded must not disturb the next one.
	grep -q "^$m " /proc/modules && rmmod "$m" 2>/dev/null
	if [ "$status" -eq 0 ]; then
		echo "lkmc_test $m PASS"
	else
		printf '%s\n' "$out" | tail -n 15 | sed "s/^/lkmc_test_out $m: /"
		dmesg | tail -n 10 | sed "s/^/lkmc_test_out $m: dmesg: /"
		echo "lkmc_test $m FAIL exit status $status"
		fails=$((fails + 1))
	fi
done
exit "$fails"
