#!/bin/sh
# Test of wait_queue.ko: all three waiters wake for each generation.
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
insmod ./wait_queue.ko period_ms=200
wait_dmesg 'wait_queue: [0-2] 3$' 10 || { rmmod wait_queue; fail "no waiter saw generation 3 within 10 s"; }
rmmod wait_queue
for g in 0 1 2; do
	for w in 0 1 2; do
		dmesg | grep -q "wait_queue: $w $g\$" || fail "waiter $w did not see generation $g"
	done
done
