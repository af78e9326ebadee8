# Helpers sourced by the module tests that wait for something to happen.
#
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
