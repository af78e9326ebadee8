#!/usr/bin/env bash
# Build-time figures of the from-source providers, measured on this machine.
#
#   tests/bench/source-builds.sh --qemu-source-dir DIR [--arch A] [--runs N]
#       [--qemu-build-id ID] [--configure "ARGS"] [--crosstool-ng]
#       [-- LKMC OPTIONS]
#
# - QEMU for one arch's system and user-mode targets (`lkmc build qemu`):
#   the first build, timed once, when the build id has no build yet (give a
#   new --qemu-build-id for one); then the median of N no-change rebuilds
#   through lkmc beside the same `ninja -C BUILD_DIR` run by hand. ARGS go
#   to QEMU's configure, as after `lkmc build qemu --` (Debian's source
#   package: "--disable-download --disable-install-blobs").
# - With --crosstool-ng: the median of N no-change `lkmc build crosstool-ng`
#   of a toolchain already built (the first build is reported by the build
#   itself: `lkmc build` prints each step's time).
# LKMC OPTIONS go to every lkmc command, e.g. `-- --out-dir DIR
# --crosstool-ng-source-dir DIR`. Prints figures; asserts nothing: these
# machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."
arch=aarch64
runs=5
build_id=default
qemu_src=
ctng=0
configure=
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch="$2"; shift ;;
	--runs) runs="$2"; shift ;;
	--qemu-build-id) build_id="$2"; shift ;;
	--qemu-source-dir) qemu_src="$2"; shift ;;
	--configure) configure="$2"; shift ;;
	--crosstool-ng) ctng=1 ;;
	--) shift; break ;;
	*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
extra=("$@")
[ -n "$qemu_src" ] || { echo "--qemu-source-dir DIR is needed (a QEMU source tree)" >&2; exit 2; }
lkmc="${LKMC:-$(pwd)/target/release/lkmc}"
[ -x "$lkmc" ] || cargo build --release --quiet

. tests/bench/lib.sh

read -r -a configure_args <<<"$configure"
qemu=("$lkmc" build --arch "$arch" --qemu-build-id "$build_id" --qemu-source-dir "$qemu_src" "${extra[@]}" qemu -- "${configure_args[@]}")
build_dir=$("$lkmc" getvar --arch "$arch" --qemu-build-id "$build_id" "${extra[@]}" qemu_build_dir)
echo "QEMU $arch ($qemu_src), build id $build_id, $(nproc) cores"
if [ ! -f "$build_dir/build.ninja" ]; then
	t0=$(now_ms)
	"${qemu[@]}" >/dev/null
	t1=$(now_ms)
	awk -v a="$t0" -v b="$t1" 'BEGIN {printf "  first build (configure + ninja): %.1f s\n", (b - a) / 1000}'
else
	echo "  first build: not measured ($build_dir is built; give a new --qemu-build-id)"
fi
lk=$(median_s "$runs" "${qemu[@]}")
nj=$(median_s "$runs" ninja -C "$build_dir")
echo "  no-change rebuild, median of $runs: lkmc ${lk} s, ninja by hand ${nj} s"

if [ "$ctng" = 1 ]; then
	ct=$(median_s "$runs" "$lkmc" build --arch "$arch" "${extra[@]}" crosstool-ng)
	echo "crosstool-NG $arch: no-change rebuild, median of $runs: ${ct} s"
fi
