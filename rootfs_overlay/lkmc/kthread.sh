#!/bin/sh
# Test of kthread.ko: the thread counts while loaded and stops at rmmod.
fail() { echo "FAIL: $*"; exit 1; }
# Timing comes from /proc/uptime, not sleep(1): on arm, BusyBox sleep needs
# the 32-bit time system calls (CONFIG_COMPAT_32BIT_TIME), which a small
# kernel may lack; then it returns at once and only makes the loops spin.
# Wait until dmesg has a line matching $1, at most $2 seconds.
wait_dmesg() {
	end=$(awk -v d="$2" '{ print $1 + d }' /proc/uptime)
	until dmesg | grep -q -- "$1"; do
		awk -v e="$end" '{ exit !($1 >= e) }' /proc/uptime && return 1
		sleep 0.1 2>/dev/null || true
	done
}
# Let $1 seconds pass.
delay() {
	end=$(awk -v d="$1" '{ print $1 + d }' /proc/uptime)
	until awk -v e="$end" '{ exit !($1 >= e) }' /proc/uptime; do
		sleep 0.05 2>/dev/null || true
	done
}
insmod ./kthread.ko period_ms=100
wait_dmesg 'kthread: 3$' 10 || { rmmod kthread; fail "the thread did not count to 3 within 10 s"; }
ps | grep -q '\[lkmc_kthread\]' || { rmmod kthread; fail "no lkmc_kthread in ps"; }
rmmod kthread
for i in 0 1 2; do
	dmesg | grep -q "kthread: $i\$" || fail "the thread did not print $i"
done
n=$(dmesg | grep -c 'kthread: [0-9]$')
delay 0.3
[ "$(dmesg | grep -c 'kthread: [0-9]$')" = "$n" ] || fail "the thread still prints after rmmod"
