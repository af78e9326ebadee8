#!/bin/sh
# Test of kthreads.ko: both threads print, thread 1 at half the rate.
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
insmod ./kthreads.ko period_ms=100
wait_dmesg 'kthreads: 0 4$' 10 || { rmmod kthreads; fail "thread 0 did not count to 4 within 10 s"; }
wait_dmesg 'kthreads: 1 2$' 10 || { rmmod kthreads; fail "thread 1 did not count to 2 within 10 s"; }
rmmod kthreads
n0=$(dmesg | grep -c 'kthreads: 0 ')
n1=$(dmesg | grep -c 'kthreads: 1 ')
[ "$n1" -lt "$n0" ] || fail "thread 1 printed $n1 times, thread 0 $n0: expected fewer"
