#!/usr/bin/env bash
# gem5 speed figures for lkmc, measured on this machine.
#
#   tests/bench/gem5.sh [--archs "aarch64 arm"] [--runs N] [-- LKMC OPTIONS]
#
# Per arch, the median wall time of N runs of:
#   - a full-system boot to `m5 exit` on the atomic CPU (`--eval true`),
#     through lkmc and through the same gem5 command run by hand from the
#     run's run.sh (lkmc's own overhead);
#   - a boot that takes a checkpoint at the end of boot (/lkmc/gem5.sh), once;
#   - a restore from that checkpoint to a command and `m5 exit`.
# LKMC OPTIONS go to every lkmc command, e.g. `-- --gem5-build-dir DIR`.
# Prints figures; asserts nothing: these machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."
archs="aarch64 arm"
runs=3
while [ $# -gt 0 ]; do
	case "$1" in
	--archs) archs="$2"; shift ;;
	--runs) runs="$2"; shift ;;
	--) shift; break ;;
	*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
extra=("$@")
lkmc="${LKMC:-$(pwd)/target/release/lkmc}"
[ -x "$lkmc" ] || cargo build --release --quiet
# A run id of its own, so that the benchmark's checkpoints are not yours.
run_id=900

. tests/bench/lib.sh

declare -A original=([aarch64]=70.9 [arm]=118)
for arch in $archs; do
	run=("$lkmc" run --arch "$arch" --emulator gem5 --run-id "$run_id" --quiet "${extra[@]}")
	echo "== $arch (median of $runs runs)"
	echo "boot to m5 exit, atomic, through lkmc: $(median_s "$runs" "${run[@]}" --eval true) s   (original's README: ${original[$arch]} s)"
	script=$("$lkmc" getvar --arch "$arch" --emulator gem5 --run-id "$run_id" "${extra[@]}" run_cmd_file)
	echo "the same gem5 command by hand (run.sh):  $(median_s "$runs" bash "$script") s"
	m5out=$("$lkmc" getvar --arch "$arch" --emulator gem5 --run-id "$run_id" "${extra[@]}" m5out_dir)
	rm -rf "$m5out"/cpt.*
	echo "boot and checkpoint at the end of boot:   $(median_s 1 "${run[@]}" --eval /lkmc/gem5.sh --gem5-readfile true) s"
	echo "restore to a command and m5 exit:         $(median_s "$runs" "${run[@]}" --gem5-restore 1 --eval true) s"
done
