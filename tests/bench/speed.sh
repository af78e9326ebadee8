#!/usr/bin/env bash
# Speed figures for lkmc, measured side by side on this machine.
#
#   tests/bench/speed.sh [--archs "x86_64 arm aarch64"] [--runs N] [--kernel] [--cold]
#                        [--gdb] [--module] [--suites]
#
# Always: `lkmc getvar vmlinux` and `lkmc run --dry-run` (median wall of N
# runs), boot to poweroff with `--eval true` per arch through lkmc and through
# the same QEMU command run by hand from the run's run.sh, and a root
# filesystem rebuild after one changed file.
# --kernel: a no-change kernel rebuild and a one-file incremental rebuild.
# --cold:   also a cold kernel build per arch (minutes; removes the build dir
#           of a separate build id, `bench`, never your default build).
# --gdb:    from `lkmc run --gdb-wait` to GDB stopped at start_kernel, per arch.
# --module: edit one module, rebuild it and run its test in a fresh guest.
# --suites: the whole module suite per arch; the userland suite for all archs
#           from clean (removes the userland build dirs first), and a no-change
#           userland rebuild; the baremetal suite (arm, aarch64) from clean and
#           a no-change baremetal rebuild.
# Prints figures; asserts nothing: these machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."
archs="x86_64 arm aarch64"
runs=30
kernel=false
cold=false
gdb=false
module=false
suites=false
while [ $# -gt 0 ]; do
	case "$1" in
	--archs) archs="$2"; shift ;;
	--runs) runs="$2"; shift ;;
	--kernel) kernel=true ;;
	--cold) cold=true; kernel=true ;;
	--gdb) gdb=true ;;
	--module) module=true ;;
	--suites) suites=true ;;
	*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
lkmc="${LKMC:-$(pwd)/target/release/lkmc}"
[ -x "$lkmc" ] || cargo build --release --quiet

. tests/bench/lib.sh

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
if $gdb; then
	echo "== lkmc run --gdb-wait to GDB stopped at start_kernel (median of 3)"
	gdb_once() {
		local arch="$1" port
		port="$("$lkmc" getvar --arch "$arch" --run-id 8 gdb_port)"
		"$lkmc" run --arch "$arch" --run-id 8 --gdb-wait --eval true --quiet >/dev/null 2>&1 &
		local run=$!
		# lkmc gdb refuses until QEMU listens; poll that cheaply.
		until grep -qi ":$(printf '%04X' "$port") .* 0A " /proc/net/tcp; do sleep 0.02; done
		"$lkmc" gdb --arch "$arch" --run-id 8 --no-lxsymbols --quiet start_kernel -- -batch \
			-ex 'kill' | grep -q 'start_kernel'
		kill "$run" 2>/dev/null; wait "$run" 2>/dev/null || true
	}
	for arch in $archs; do
		echo "$arch: $(median_ms 3 gdb_once "$arch") ms   (target: 5000 ms)"
	done
fi
if $module; then
	echo "== edit one module, rebuild it, test it in a fresh guest"
	for arch in $archs; do
		module_once() {
			touch kernel_modules/hello.c
			"$lkmc" build --arch "$1" modules hello --quiet &&
				"$lkmc" test --arch "$1" modules hello >/dev/null
		}
		echo "$arch: $(median_ms 3 module_once "$arch") ms   (target on aarch64: 8000 ms)"
	done
fi
if $suites; then
	echo "== whole suites"
	for arch in $archs; do
		echo "modules $arch: $(median_ms 1 "$lkmc" test --arch "$arch" modules) ms   (target: 120000 ms)"
	done
	a=()
	for arch in $archs; do
		a+=(--arch "$arch")
		rm -rf "$("$lkmc" getvar --arch "$arch" userland_build_dir)"
	done
	echo "userland, $archs, from clean: $(median_ms 1 "$lkmc" test "${a[@]}" userland) ms   (target: 180000 ms)"
	echo "userland no-change rebuild: $(median_ms 3 "$lkmc" build "${a[@]}" userland --quiet) ms   (target: 1000 ms)"
	b=()
	for arch in $archs; do
		case "$arch" in arm | aarch64)
			b+=(--arch "$arch")
			rm -rf "$("$lkmc" getvar --arch "$arch" baremetal_build_dir)" ;;
		esac
	done
	if [ ${#b[@]} -gt 0 ]; then
		echo "baremetal suite, ${b[*]}, from clean: $(median_ms 1 "$lkmc" test "${b[@]}" baremetal) ms"
		echo "baremetal no-change rebuild: $(median_ms 3 "$lkmc" build "${b[@]}" baremetal --quiet) ms"
	fi
fi
