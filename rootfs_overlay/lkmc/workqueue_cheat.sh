#!/bin/sh
# Test of workqueue_cheat.ko: the queued work items run in order in a kworker.
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
insmod ./workqueue_cheat.ko n=3 period_ms=100
wait_dmesg 'workqueue_cheat: work 2 in ' 10 || { rmmod workqueue_cheat; fail "work 2 did not run within 10 s"; }
rmmod workqueue_cheat
dmesg | grep -q 'workqueue_cheat: queued 3 work items$' || fail "no 'queued 3 work items'"
for i in 0 1 2; do
	dmesg | grep -q "workqueue_cheat: work $i in kworker/" || fail "work $i did not run in a kworker"
done
order=$(dmesg | sed -n 's/.*workqueue_cheat: work \([0-9]\) in .*/\1/p' | tr -d '\n')
[ "$order" = 012 ] || fail "work items ran in order $order, expected 012"
