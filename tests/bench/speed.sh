#!/usr/bin/env bash
# Speed figures for lkmc, measured side by side on this machine.
#
#   tests/bench/speed.sh [--archs "x86_64 arm aarch64"] [--runs N] [--kernel] [--cold]
#
# Always: `lkmc getvar vmlinux` and `lkmc run --dry-run` (median wall of N
# runs), boot to poweroff with `--eval true` per arch through lkmc and through
# the same QEMU command run by hand from the run's run.sh, and a root
# filesystem rebuild after one changed file.
# --kernel: a no-change kernel rebuild and a one-file incremental rebuild.
# --cold:   also a cold kernel build per arch (minutes; removes the build dir
#           of a separate build id, `bench`, never your default build).
# Prints figures; asserts nothing: these machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."
archs="x86_64 arm aarch64"
runs=30
kernel=false
cold=false
while [ $# -gt 0 ]; do
	case "$1" in
	--archs) archs="$2"; shift ;;
	--runs) runs="$2"; shift ;;
	--kernel) kernel=true ;;
	--cold) cold=true; kernel=true ;;
	*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
lkmc="${LKMC:-$(pwd)/target/release/lkmc}"
[ -x "$lkmc" ] || cargo build --release --quiet

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1e6}'; }
# median of the command's wall time over N runs, in ms
median_ms() {
	local n="$1"; shift
	local times=()
	for _ in $(seq "$n"); do
		local t0 t1
		t0=$(now_ms); "$@" >/dev/null 2>&1 || true; t1=$(now_ms)
		times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

echo "== lkmc itself (median of $runs runs)"
echo "getvar vmlinux:  $(median_ms "$runs" "$lkmc" getvar vmlinux) ms   (original: 630 ms)"
echo "run --dry-run:   $(median_ms "$runs" "$lkmc" run --dry-run) ms   (original: 720 ms)"

echo "== boot to poweroff, --eval true, TCG (median of 3)"
for arch in $archs; do
	if ! "$lkmc" run --arch "$arch" --eval true --quiet --run-id 7 >/dev/null 2>&1; then
		echo "$arch: boot failed; build it first: lkmc build --arch $arch"; continue
	fi
	script="$("$lkmc" getvar --arch "$arch" --run-id 7 run_cmd_file)"
	t_lkmc=$(median_ms 3 "$lkmc" run --arch "$arch" --eval true --quiet --run-id 7)
	t_hand=$(median_ms 3 bash -c "bash '$script' </dev/null")
	awk -v a="$arch" -v l="$t_lkmc" -v h="$t_hand" 'BEGIN{printf "%-8s lkmc run: %7.0f ms   same QEMU command by hand: %7.0f ms   lkmc overhead: %+.1f %%\n", a, l, h, (l-h)*100/h}'
done

echo "== root filesystem rebuild after one changed file"
for arch in $archs; do
	touch rootfs_overlay/etc/profile
	t=$(median_ms 1 "$lkmc" build --arch "$arch" rootfs --quiet)
	echo "$arch: $t ms"
done

if $kernel; then
	echo "== kernel rebuilds"
	for arch in $archs; do
		t=$(median_ms 1 "$lkmc" build --arch "$arch" linux --quiet)
		echo "$arch no change: $t ms"
		src="$("$lkmc" getvar linux_source_dir)/kernel/sys.c"
		touch "$src"
		t=$(median_ms 1 "$lkmc" build --arch "$arch" linux --quiet)
		echo "$arch one file (kernel/sys.c touched): $t ms"
	done
fi
if $cold; then
	echo "== cold kernel builds (build id 'bench', ccache disabled)"
	for arch in $archs; do
		rm -rf "$("$lkmc" getvar --arch "$arch" -L bench linux_build_dir)"
		t=$(CCACHE_DISABLE=1 median_ms 1 "$lkmc" build --arch "$arch" -L bench linux --quiet)
		awk -v a="$arch" -v t="$t" 'BEGIN{printf "%s cold: %.0f s\n", a, t/1000}'
	done
fi
