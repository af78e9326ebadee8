#!/bin/sh
# Test of wait_queue2.ko: a reader blocks until a writer writes.
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
f=/sys/kernel/debug/lkmc_wait_queue2
out=/tmp/lkmc_wait_queue2_test
insmod ./wait_queue2.ko
cat $f > $out &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f $out; rmmod wait_queue2' EXIT
wait_dmesg 'wait_queue2: read: sleeping$' 5 || fail "the reader did not go to sleep within 5 s"
delay 0.2
kill -0 $pid 2>/dev/null || fail "the reader did not block"
[ ! -s $out ] || fail "the reader got '$(cat $out)' before any write"
echo hello > $f
# cat writes what it read, then reads again and blocks again.
wait_dmesg 'wait_queue2: read: woken$' 5 || fail "the reader was not woken within 5 s"
delay 0.2
[ "$(cat $out)" = hello ] || fail "the reader got '$(cat $out)', expected hello"
