#!/bin/sh
# Test of schedule.ko (schedule=1): a busy kernel thread that calls
# schedule() leaves the CPU to the shell, which keeps running.
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
insmod ./schedule.ko
# The thread prints once a second; meanwhile this shell must get the CPU too.
wait_dmesg 'schedule: turns = [0-9]' 10 || { rmmod schedule; fail "the thread did not print its turns within 10 s"; }
i=0
while [ $i -lt 1000 ]; do i=$((i + 1)); done
rmmod schedule
