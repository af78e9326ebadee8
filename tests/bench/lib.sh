# Shared by the benchmark scripts of tests/bench/: wall-clock medians.
# Sourced, not run.

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1e6}'; }

# median of the command's wall time over N runs, in ms; a failing run is
# said on stderr (and still counted: its time is what it took to fail)
median_ms() {
	local n="$1"; shift
	local times=()
	for _ in $(seq "$n"); do
		local t0 t1
		t0=$(now_ms)
		"$@" >/dev/null 2>&1 || echo "  (a run failed: $*)" >&2
		t1=$(now_ms)
		times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

# the same in s
median_s() {
	median_ms "$@" | awk '{printf "%.2f", $1 / 1000}'
}
