//! Golden files of what `lkmc ... --dry-run` prints, for every subcommand and
//! mode: they pin today's plans so that a restructuring of src/ can show it
//! changed nothing.
//!
//! Each test iterates over a table of scenarios `(name, args)`. A scenario
//! runs the lkmc binary from the checkout, with `LKMC_CONFIG`, `LKMC_ROOT`,
//! `LKMC_LOG` and `TMUX` removed from its environment and with [`COMMON`]
//! inserted right after the subcommand (`--dry-run`, a scratch `--out-dir`
//! that does not exist, and an empty `--config-file`), and compares the exit
//! status, stdout and stderr, normalised (see [`normalise`]), with
//! `tests/golden/plans/TOPIC--NAME.txt`. `LKMC_BLESS=1 cargo test --test
//! plans` rewrites the goldens (and removes those of scenarios that are
//! gone).
//!
//! Every scenario also checks that the dry run created nothing: the out dir
//! still does not exist and the scratch dir holds only what the test put
//! there.
//!
//! # Host state, and how the goldens are kept independent of it
//!
//! Read from src/ (`which`, `read_dir`, `/proc`, `/etc`, `/usr`, `dpkg`...);
//! each is handled here so that one golden fits every x86_64 host:
//!
//! - The host arch (`Arch::is_host`: no cross prefix for x86_64, QEMU user
//!   mode for the others, `-e native`): the goldens are for an x86_64 host;
//!   on another host the tests say so and pass without checking.
//! - Paths of the checkout, the scratch dir and its out dir, and the temp
//!   dir: replaced by `$ROOT`, `$SCRATCH`, `$OUT` and `$TMP`, and the lkmc
//!   binary (target/debug or target/release) by `$LKMC`. They must be
//!   made of characters the shell needs no quotes for (checked).
//! - `lkmc.toml` in the checkout (ignored by git, so a developer may have
//!   one): never read, because every scenario passes an empty
//!   `--config-file`.
//! - `ccache` on PATH (`which::which("ccache")` in `build::linux::
//!   with_kbuild_cc`: kernel and module makes get `CCACHE_DEPEND=1` and
//!   `'CC=ccache GCC'` instead of `CC=GCC`): the goldens hold the form
//!   without ccache; the ccache form is mapped onto it, step by step, after
//!   checking that each step has both or neither. Every scenario is run three
//!   times, with the inherited PATH, with a PATH holding only a fake
//!   `ccache`, and with a PATH holding nothing, and the three must normalise
//!   to the same text: the goldens pass whether or not ccache is installed.
//!   The other `which` lookups (the cross and baremetal compilers) are made
//!   only by real runs, never with `--dry-run`.
//! - The number of CPUs (default `-j`, from `available_parallelism`):
//!   `-j N` becomes `-j $NPROC` (and Buildroot's `BR2_JLEVEL=N`,
//!   `BR2_JLEVEL=$NPROC`), except in scenarios that pass `-j` itself.
//! - The kernel source tree: with the default `--linux-source-dir`
//!   (submodules/linux), planning a kernel build looks at that directory,
//!   asks git whether the remote is reachable (a `git ls-remote` of up to
//!   15 s) or looks for `/usr/src/linux-source-*.tar.xz`. Every scenario
//!   that builds the kernel points `--linux-source-dir` at a small fake tree
//!   in the scratch dir instead (a test fails if a plan still fetched the
//!   source), and `LKMC_OFFLINE=1` keeps git off the network in any case.
//! - Files already built: nothing is built in the scratch out dir, so every
//!   freshness check (depfiles, stamps, .config, vmlinux for PVH, guest
//!   packages) sees nothing.
//! - `lkmc build rootfs`: the sysroot's shared libraries copied into the
//!   guest are looked up on the host (`/lib/x86_64-linux-gnu` for x86_64,
//!   `/usr/<triplet>/lib` with the cross toolchain installed for the
//!   others), so the `cp -L` of them and the `ln -s lib lib64` after it
//!   become one `<sysroot libraries ...>` line (inserted where they go when
//!   the host has none); the size of the ext4 image (`mke2fs ... NM`) counts
//!   those libraries, so it becomes `$MIBM`; the cpio's owner (`-u`, `-g`
//!   of gen_initramfs.sh) is the user running the test: `$UID`, `$GID`.
//! - `lkmc build modules --host`: the running kernel's release
//!   (/proc/sys/kernel/osrelease) becomes `$RELEASE`.
//! - `lkmc build --download-dependencies`: the host packages missing
//!   (`dpkg-query`), the foreign archs dpkg knows, root or sudo, the Debian
//!   release and apt sources (bookworm-backports) decide the apt-get and
//!   dpkg steps: those steps become one `<host packages ...>` line, and the
//!   list of packages to install on stderr is dropped. The guest package
//!   steps (apt-get download into the out dir) are kept as they are. The
//!   scenarios include the rootfs, so there always is a plan.
//! - `--guest-package strace`: its dependencies come from the host's apt
//!   lists for arm64 (`apt-cache depends`); the golden holds bookworm's
//!   answer (strace needs only libc6, which the sysroot provides).
//! - `--linux-which distro`: the kernel packages come from the host's apt
//!   lists (`apt-cache show` of the arch's metapackage); their ABI name
//!   (`6.1.0-57`) and version (`6.1.192-3`) become `$DISTRO_ABI` and
//!   `$DISTRO_VERSION`, as apt says them for linux-image-amd64,
//!   linux-image-cloud-amd64 and linux-image-arm64 (arm64 must be a dpkg
//!   architecture, as `lkmc build --download-dependencies` makes it).
//! - `--kvm` opens /dev/kvm even with `--dry-run`: only the arm case (an
//!   error before /dev/kvm is looked at) is pinned.
//! - `--gdb`: opening the tmux split needs `TMUX`; it is removed from the
//!   environment (a dry run does not open the split today).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_lkmc");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A scenario: the name of its golden file and lkmc's arguments, subcommand
/// first. `$SCRATCH` and `$OUT` in an argument stand for the scratch dir and
/// the out dir.
type Scenario = (&'static str, &'static [&'static str]);

/// Inserted after the subcommand of every scenario.
const COMMON: &[&str] = &[
    "--dry-run",
    "--out-dir",
    "$OUT",
    "--config-file",
    "$SCRATCH/lkmc.toml",
];

// ---- scenarios -------------------------------------------------------------

/// `lkmc run`: full-system boots. Every mode for x86_64; for arm and
/// aarch64, the modes whose command line differs by arch.
const RUN: &[Scenario] = &[
    ("default-arch", &["run"]),
    ("x86_64-boot", &["run", "--arch", "x86_64"]),
    (
        "x86_64-eval",
        &["run", "--arch", "x86_64", "--eval", "echo hi"],
    ),
    (
        "x86_64-eval-after",
        &["run", "--arch", "x86_64", "--eval-after", "echo hi"],
    ),
    (
        "x86_64-kernel-cli",
        &[
            "run",
            "--arch",
            "x86_64",
            "--kernel-cli",
            "loglevel=8 nosmp",
            "--kernel-cli-after-dash",
            "lkmc_x=1",
        ],
    ),
    (
        "x86_64-quit-after-boot",
        &["run", "--arch", "x86_64", "--quit-after-boot"],
    ),
    (
        "x86_64-cpus-memory",
        &["run", "--arch", "x86_64", "--cpus", "2", "--memory", "512M"],
    ),
    (
        "x86_64-debug-vm",
        &["run", "--arch", "x86_64", "--debug-vm"],
    ),
    (
        "aarch64-qemu-which-lkmc-debug-vm-forms",
        &[
            "run",
            "--arch",
            "aarch64",
            "--qemu-which",
            "lkmc",
            "--qemu-build-type",
            "debug",
            "--debug-vm-ex",
            "break helper_le_ldq_mmu; run",
            "--debug-vm-args",
            "-nx",
            "--debug-vm-file",
            "/tmp/qemu.gdb",
        ],
    ),
    (
        "aarch64-gem5-debug-vm-refused",
        &["run", "--arch", "aarch64", "-e", "gem5", "--debug-vm"],
    ),
    (
        "x86_64-gdb-wait",
        &["run", "--arch", "x86_64", "--gdb-wait"],
    ),
    ("x86_64-kgdb", &["run", "--arch", "x86_64", "--kgdb"]),
    ("x86_64-kdb", &["run", "--arch", "x86_64", "--kdb"]),
    ("x86_64-record", &["run", "--arch", "x86_64", "--record"]),
    ("x86_64-replay", &["run", "--arch", "x86_64", "--replay"]),
    ("x86_64-initrd", &["run", "--arch", "x86_64", "--initrd"]),
    (
        "x86_64-initramfs",
        &["run", "--arch", "x86_64", "--initramfs"],
    ),
    ("x86_64-graphic", &["run", "--arch", "x86_64", "--graphic"]),
    ("x86_64-vnc", &["run", "--arch", "x86_64", "--vnc"]),
    (
        "x86_64-background",
        &["run", "--arch", "x86_64", "--background"],
    ),
    (
        "x86_64-ctrl-c-host",
        &["run", "--arch", "x86_64", "--ctrl-c-host"],
    ),
    (
        "x86_64-disk-persist",
        &["run", "--arch", "x86_64", "--disk-persist"],
    ),
    (
        "x86_64-trace",
        &["run", "--arch", "x86_64", "--trace", "exec_tb,guest_errors"],
    ),
    (
        "x86_64-trace-insts-stdout",
        &["run", "--arch", "x86_64", "--trace-insts-stdout"],
    ),
    (
        "x86_64-extra-args",
        &[
            "run",
            "--arch",
            "x86_64",
            "--",
            "-d",
            "guest_errors",
            "-D",
            "qemu log.txt",
        ],
    ),
    (
        "x86_64-oops-panic",
        &["run", "--arch", "x86_64", "--oops-panic", "--eval", "true"],
    ),
    (
        "x86_64-userland-with-eval",
        &[
            "run",
            "--arch",
            "x86_64",
            "--userland",
            "userland/c/hello.c",
            "--eval",
            "true",
        ],
    ),
    (
        "x86_64-run-id-3",
        &["run", "--arch", "x86_64", "--run-id", "3"],
    ),
    (
        "x86_64-build",
        &[
            "run",
            "--arch",
            "x86_64",
            "--build",
            "--linux-source-dir",
            LINUX,
        ],
    ),
    ("x86_64-gdb", &["run", "--arch", "x86_64", "--gdb"]),
    // A split without stopping the guest: GDB attaches to it as it runs.
    ("x86_64-tmux", &["run", "--arch", "x86_64", "--tmux"]),
    (
        "x86_64-tmux-args",
        &[
            "run",
            "--arch",
            "x86_64",
            "--tmux-args",
            "do_sys_open --no-lxsymbols",
        ],
    ),
    (
        "aarch64-tmux-program-shell",
        &["run", "--arch", "aarch64", "--tmux-program", "shell"],
    ),
    (
        "x86_64-gdb-tmux-program-shell-refused",
        &[
            "run",
            "--arch",
            "x86_64",
            "--gdb",
            "--tmux-program",
            "shell",
        ],
    ),
    ("x86_64-gem5", &["run", "--arch", "x86_64", "-e", "gem5"]),
    (
        "x86_64-oneline",
        &["run", "--arch", "x86_64", "--print-cmd-oneline"],
    ),
    (
        "x86_64-initrd-quit-after-boot",
        &["run", "--arch", "x86_64", "--initrd", "--quit-after-boot"],
    ),
    (
        "x86_64-qemu-which-lkmc",
        &["run", "--arch", "x86_64", "--qemu-which", "lkmc"],
    ),
    (
        "x86_64-record-and-replay",
        &["run", "--arch", "x86_64", "--record", "--replay"],
    ),
    ("arm-boot", &["run", "--arch", "arm"]),
    ("arm-gdb-wait", &["run", "--arch", "arm", "--gdb-wait"]),
    ("arm-kgdb", &["run", "--arch", "arm", "--kgdb"]),
    ("arm-kdb", &["run", "--arch", "arm", "--kdb"]),
    ("arm-record", &["run", "--arch", "arm", "--record"]),
    ("arm-initrd", &["run", "--arch", "arm", "--initrd"]),
    ("arm-initramfs", &["run", "--arch", "arm", "--initramfs"]),
    ("arm-graphic", &["run", "--arch", "arm", "--graphic"]),
    (
        "aarch64-graphic",
        &["run", "--arch", "aarch64", "--graphic"],
    ),
    ("aarch64-vnc", &["run", "--arch", "aarch64", "--vnc"]),
    ("arm-gem5", &["run", "--arch", "arm", "-e", "gem5"]),
    ("arm-kvm", &["run", "--arch", "arm", "--kvm"]),
    ("aarch64-boot", &["run", "--arch", "aarch64"]),
    (
        "aarch64-boot-linux-distro",
        &["run", "--arch", "aarch64", "--linux-which", "distro"],
    ),
    (
        "aarch64-gdb-wait",
        &["run", "--arch", "aarch64", "--gdb-wait"],
    ),
    ("aarch64-kgdb", &["run", "--arch", "aarch64", "--kgdb"]),
    ("aarch64-initrd", &["run", "--arch", "aarch64", "--initrd"]),
    ("aarch64-gem5", &["run", "--arch", "aarch64", "-e", "gem5"]),
    (
        "aarch64-gem5-options",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--run-id",
            "2",
            "--cpus",
            "2",
            "--memory",
            "512M",
            "--cpu-type",
            "o3",
            "--caches",
            "--gdb-wait",
            "--trace",
            "Exec,-ExecSymbol",
            "--gem5-exe-args",
            "--debug-start 10",
            "--gem5-readfile",
            "m5 resetstats; ./c/hello.out; m5 dumpstats",
            "--eval",
            "/lkmc/gem5.sh",
            "--kernel-cli",
            "quiet",
            "--",
            "--l2_size=1MB",
        ],
    ),
    (
        "arm-gem5-trace-stdout-background",
        &[
            "run",
            "--arch",
            "arm",
            "-e",
            "gem5",
            "--trace",
            "Faults",
            "--trace-stdout",
            "--background",
            "--cpu-type",
            "timing",
        ],
    ),
    (
        "aarch64-gem5-build",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--build",
            "--linux-source-dir",
            LINUX,
            "--gem5-source-dir",
            GEM5,
        ],
    ),
    (
        "aarch64-gem5-restore-without-checkpoint",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--gem5-restore",
            "1",
        ],
    ),
    (
        "aarch64-gem5-restore-eval-after",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--gem5-restore",
            "1",
            "--eval-after",
            "ls",
        ],
    ),
    (
        "aarch64-gem5-gdb",
        &["run", "--arch", "aarch64", "-e", "gem5", "--gdb"],
    ),
    // gem5's default split is its console, which the run then leaves free.
    (
        "aarch64-gem5-tmux",
        &["run", "--arch", "aarch64", "-e", "gem5", "--tmux"],
    ),
    (
        "aarch64-gem5-kgdb",
        &["run", "--arch", "aarch64", "-e", "gem5", "--kgdb"],
    ),
    (
        "aarch64-gem5-disk-persist",
        &["run", "--arch", "aarch64", "-e", "gem5", "--disk-persist"],
    ),
    (
        "aarch64-gem5-kvm",
        &["run", "--arch", "aarch64", "-e", "gem5", "--kvm"],
    ),
    (
        "aarch64-qemu-cpu-type",
        &["run", "--arch", "aarch64", "--cpu-type", "o3"],
    ),
    (
        "aarch64-gem5-userland-caches",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--userland",
            HELLO,
            "--caches",
        ],
    ),
    (
        "x86_64-port-offset",
        &[
            "run",
            "--arch",
            "x86_64",
            "--run-id",
            "1",
            "--port-offset",
            "5",
        ],
    ),
    (
        "x86_64-no-show-stdout",
        &["run", "--arch", "x86_64", "--no-show-stdout"],
    ),
    (
        "x86_64-machine",
        &["run", "--arch", "x86_64", "--machine", "q35"],
    ),
    (
        "aarch64-machine",
        &[
            "run",
            "--arch",
            "aarch64",
            "--machine",
            "virt,gic-version=3",
        ],
    ),
    (
        "aarch64-dtb",
        &["run", "--arch", "aarch64", "--dtb", "$SCRATCH/board.dtb"],
    ),
    (
        "aarch64-gem5-dtb-refused",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--dtb",
            "$SCRATCH/board.dtb",
        ],
    ),
    (
        "aarch64-dtb-not-a-dtb",
        &["run", "--arch", "aarch64", "--dtb", "$SCRATCH/frag.config"],
    ),
    (
        "aarch64-linux-exec-disk-image",
        &[
            "run",
            "--arch",
            "aarch64",
            "--linux-exec",
            "$SCRATCH/Image",
            "--disk-image",
            "$SCRATCH/disk.qcow2",
        ],
    ),
    (
        "aarch64-disk-image-raw-record",
        &[
            "run",
            "--arch",
            "aarch64",
            "--disk-image",
            "$SCRATCH/disk.ext4",
            "--record",
        ],
    ),
    (
        "aarch64-gem5-linux-exec-disk-image",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--linux-exec",
            "$SCRATCH/vmlinux",
            "--disk-image",
            "$SCRATCH/disk.ext4",
        ],
    ),
    ("all-archs", &["run", "--all-archs"]),
];

const HELLO: &str = "userland/c/hello.c";

/// `lkmc run --userland`: one program in QEMU user mode, on the host, or in
/// gem5 syscall emulation (sources are built first: the build plan prints).
const RUN_USERLAND: &[Scenario] = &[
    (
        "aarch64-qemu-kernel-version",
        &[
            "run",
            "--arch",
            "aarch64",
            "--userland",
            HELLO,
            "--kernel-version",
            "5.9.2",
        ],
    ),
    (
        "aarch64-gem5-two-programs-kernel-version",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--userland",
            HELLO,
            "--userland",
            "userland/c/false.c",
            "--kernel-version",
            "5.9.2",
            "--cli-args",
            "a b",
        ],
    ),
    (
        "aarch64-qemu-two-programs",
        &[
            "run",
            "--arch",
            "aarch64",
            "--userland",
            HELLO,
            "--userland",
            "userland/c/false.c",
        ],
    ),
    (
        "x86_64-native-kernel-version",
        &[
            "run",
            "--arch",
            "x86_64",
            "-e",
            "native",
            "--userland",
            HELLO,
            "--kernel-version",
            "5.9.2",
        ],
    ),
    (
        "arm-hello-qemu-which-lkmc",
        &[
            "run",
            "--arch",
            "arm",
            "--qemu-which",
            "lkmc",
            "--userland",
            HELLO,
        ],
    ),
    (
        "aarch64-trace-insts-and-extra-args",
        &[
            "run",
            "--arch",
            "aarch64",
            "--userland",
            "userland/c/hello.c",
            "--trace",
            "exec_tb",
            "--trace-insts-stdout",
            "--",
            "-d",
            "page",
        ],
    ),
    (
        "x86_64-native-gdb-wait",
        &[
            "run",
            "--arch",
            "x86_64",
            "-e",
            "native",
            "--userland",
            "userland/c/hello.c",
            "--gdb-wait",
        ],
    ),
    (
        "x86_64-qemu-hello",
        &["run", "--arch", "x86_64", "-e", "qemu", "--userland", HELLO],
    ),
    (
        "arm-qemu-hello",
        &["run", "--arch", "arm", "-e", "qemu", "--userland", HELLO],
    ),
    (
        "aarch64-qemu-hello",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "qemu",
            "--userland",
            HELLO,
        ],
    ),
    (
        "x86_64-native-hello",
        &[
            "run",
            "--arch",
            "x86_64",
            "-e",
            "native",
            "--userland",
            HELLO,
        ],
    ),
    (
        "arm-native-hello",
        &["run", "--arch", "arm", "-e", "native", "--userland", HELLO],
    ),
    (
        "arm-gem5-hello",
        &["run", "--arch", "arm", "-e", "gem5", "--userland", HELLO],
    ),
    (
        "aarch64-gem5-hello",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--userland",
            HELLO,
        ],
    ),
    (
        "x86_64-qemu-cli-args-stdin",
        &[
            "run",
            "--arch",
            "x86_64",
            "--userland",
            HELLO,
            "--cli-args",
            "a 'b c'",
            "--stdin-file",
            "README.adoc",
        ],
    ),
    (
        "aarch64-gem5-cli-args-stdin",
        &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--userland",
            HELLO,
            "--cli-args",
            "x 'y z'",
            "--stdin-file",
            "README.adoc",
        ],
    ),
    (
        "arm-gdb-wait",
        &["run", "--arch", "arm", "--userland", HELLO, "--gdb-wait"],
    ),
    (
        "x86_64-gdb",
        &["run", "--arch", "x86_64", "--userland", HELLO, "--gdb"],
    ),
    (
        "x86_64-tmux-program-shell-refused",
        &[
            "run",
            "--arch",
            "x86_64",
            "--userland",
            HELLO,
            "--tmux-program",
            "shell",
        ],
    ),
    (
        "arm-cpp-hello",
        &[
            "run",
            "--arch",
            "arm",
            "--userland",
            "userland/cpp/hello.cpp",
        ],
    ),
    (
        "x86_64-executable",
        &["run", "--arch", "x86_64", "--userland", "$SCRATCH/prog.out"],
    ),
    (
        "x86_64-no-such-source",
        &[
            "run",
            "--arch",
            "x86_64",
            "--userland",
            "userland/c/nosuch.c",
        ],
    ),
];

const BM_HELLO: &str = "baremetal/hello.c";

/// `lkmc run --baremetal`: an image on the bare CPU (built first).
const RUN_BAREMETAL: &[Scenario] = &[
    (
        "aarch64-cli-args",
        &[
            "run",
            "--arch",
            "aarch64",
            "--baremetal",
            "userland/c/command_line_arguments.c",
            "--cli-args",
            "2 a 'b c'",
        ],
    ),
    (
        "arm-gem5-cli-args",
        &[
            "run",
            "--arch",
            "arm",
            "-e",
            "gem5",
            "--baremetal",
            BM_HELLO,
            "--cli-args",
            "a",
        ],
    ),
    (
        "aarch64-hello-qemu-which-lkmc-debug-vm",
        &[
            "run",
            "--arch",
            "aarch64",
            "--qemu-which",
            "lkmc",
            "--baremetal",
            BM_HELLO,
            "--debug-vm",
        ],
    ),
    (
        "arm-hello",
        &["run", "--arch", "arm", "--baremetal", BM_HELLO],
    ),
    (
        "aarch64-hello",
        &["run", "--arch", "aarch64", "--baremetal", BM_HELLO],
    ),
    (
        "arm-gdb-wait",
        &[
            "run",
            "--arch",
            "arm",
            "--baremetal",
            BM_HELLO,
            "--gdb-wait",
        ],
    ),
    (
        "aarch64-gdb-wait",
        &[
            "run",
            "--arch",
            "aarch64",
            "--baremetal",
            BM_HELLO,
            "--gdb-wait",
        ],
    ),
    (
        "arm-multicore",
        &[
            "run",
            "--arch",
            "arm",
            "--baremetal",
            "baremetal/arch/arm/multicore.c",
        ],
    ),
    (
        "aarch64-multicore",
        &[
            "run",
            "--arch",
            "aarch64",
            "--baremetal",
            "baremetal/arch/aarch64/multicore.c",
        ],
    ),
    (
        "arm-userland-example",
        &["run", "--arch", "arm", "--baremetal", HELLO],
    ),
    (
        "arm-trace-extra-args",
        &[
            "run",
            "--arch",
            "arm",
            "--baremetal",
            BM_HELLO,
            "--trace",
            "exec_tb",
            "--trace-insts-stdout",
            "--",
            "-d",
            "guest_errors",
        ],
    ),
    (
        "aarch64-cpus-memory",
        &[
            "run",
            "--arch",
            "aarch64",
            "--baremetal",
            BM_HELLO,
            "--cpus",
            "2",
            "--memory",
            "128M",
        ],
    ),
    (
        "arm-elf",
        &["run", "--arch", "arm", "--baremetal", "$SCRATCH/prog.elf"],
    ),
    (
        "x86_64-hello",
        &["run", "--arch", "x86_64", "--baremetal", BM_HELLO],
    ),
    (
        "arm-gem5-hello",
        &[
            "run",
            "--arch",
            "arm",
            "-e",
            "gem5",
            "--baremetal",
            BM_HELLO,
        ],
    ),
    (
        "arm-other-arch",
        &[
            "run",
            "--arch",
            "arm",
            "--baremetal",
            "baremetal/arch/aarch64/svc.c",
        ],
    ),
];

/// The fake kernel tree every kernel build points at (see the module doc).
const LINUX: &str = "$SCRATCH/linux";

/// The fake gem5 tree every gem5 and m5 build points at, for the same reason.
const GEM5: &str = "$SCRATCH/gem5";

/// The fake Buildroot tree every Buildroot build points at, for the same reason.
const BUILDROOT: &str = "$SCRATCH/buildroot";
/// The fake QEMU and crosstool-NG trees their builds point at.
const QEMU: &str = "$SCRATCH/qemu";
const CT_NG: &str = "$SCRATCH/crosstool-ng";

/// `lkmc build`: every target, and the options that change the plan.
const BUILD: &[Scenario] = &[
    // The second disk: mksquashfs of out/rootfs_overlay/ARCH (a dry run
    // shows it although nothing is built there yet).
    ("aarch64-disk2", &["build", "--arch", "aarch64", "disk2"]),
    // The README as HTML (its links are checked first, in dry runs too).
    ("docs", &["build", "docs"]),
    (
        "aarch64-qemu",
        &[
            "build",
            "--arch",
            "aarch64",
            "--qemu-source-dir",
            QEMU,
            "qemu",
        ],
    ),
    (
        "x86_64-qemu-debug-build-id-configure-args",
        &[
            "build",
            "--arch",
            "x86_64",
            "--qemu-source-dir",
            QEMU,
            "--qemu-build-type",
            "debug",
            "--qemu-build-id",
            "mine",
            "-j",
            "3",
            "--verbose",
            "qemu",
            "--",
            "--disable-download",
            "--disable-install-blobs",
        ],
    ),
    (
        "arm-qemu-not-a-tree",
        &["build", "--arch", "arm", "--qemu-source-dir", LINUX, "qemu"],
    ),
    (
        "aarch64-clean-qemu",
        &["build", "--arch", "aarch64", "--clean", "qemu"],
    ),
    (
        "aarch64-crosstool-ng",
        &[
            "build",
            "--arch",
            "aarch64",
            "--crosstool-ng-source-dir",
            CT_NG,
            "crosstool-ng",
        ],
    ),
    (
        "arm-crosstool-ng-build-id-tarballs-ct-args",
        &[
            "build",
            "--arch",
            "arm",
            "--crosstool-ng-source-dir",
            CT_NG,
            "--crosstool-ng-build-id",
            "ct2",
            "--crosstool-ng-download-dir",
            "$SCRATCH/tarballs",
            "--force-rebuild",
            "crosstool-ng",
            "--",
            "CT_FORBID_DOWNLOAD=y",
        ],
    ),
    (
        "x86_64-crosstool-ng",
        &[
            "build",
            "--arch",
            "x86_64",
            "--crosstool-ng-source-dir",
            CT_NG,
            "crosstool-ng",
        ],
    ),
    (
        "aarch64-baremetal-gcc-which-crosstool-ng",
        &[
            "build",
            "--arch",
            "aarch64",
            "--gcc-which",
            "crosstool-ng",
            "baremetal",
            "baremetal/hello.c",
        ],
    ),
    (
        "aarch64-qemu-and-linux-args-refused",
        &[
            "build",
            "--arch",
            "aarch64",
            "--qemu-source-dir",
            QEMU,
            "--linux-source-dir",
            LINUX,
            "qemu",
            "linux",
            "--",
            "V=1",
        ],
    ),
    (
        "aarch64-gem5",
        &[
            "build",
            "--arch",
            "aarch64",
            "--gem5-source-dir",
            GEM5,
            "gem5",
        ],
    ),
    (
        "arm-gem5-ruby-debug-scons-args",
        &[
            "build",
            "--arch",
            "arm",
            "--gem5-source-dir",
            GEM5,
            "--gem5-build-type",
            "debug",
            "--gem5-ruby",
            "gem5",
            "--",
            "--no-colors",
        ],
    ),
    (
        "aarch64-gem5-build-dir-of-yours",
        &[
            "build",
            "--arch",
            "aarch64",
            "--gem5-source-dir",
            GEM5,
            "--gem5-build-dir",
            "/elsewhere/gem5/build",
            "gem5",
        ],
    ),
    ("x86_64-gem5", &["build", "--arch", "x86_64", "gem5"]),
    (
        "arm-m5",
        &["build", "--arch", "arm", "--gem5-source-dir", GEM5, "m5"],
    ),
    (
        "aarch64-m5",
        &[
            "build",
            "--arch",
            "aarch64",
            "--gem5-source-dir",
            GEM5,
            "m5",
        ],
    ),
    (
        "aarch64-clean-gem5",
        &["build", "--arch", "aarch64", "--clean", "gem5", "m5"],
    ),
    (
        "x86_64-default",
        &["build", "--arch", "x86_64", "--linux-source-dir", LINUX],
    ),
    (
        "arm-default",
        &["build", "--arch", "arm", "--linux-source-dir", LINUX],
    ),
    (
        "aarch64-default",
        &["build", "--arch", "aarch64", "--linux-source-dir", LINUX],
    ),
    (
        "x86_64-linux",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "linux",
        ],
    ),
    (
        "arm-linux",
        &[
            "build",
            "--arch",
            "arm",
            "--linux-source-dir",
            LINUX,
            "linux",
        ],
    ),
    (
        "aarch64-linux",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-source-dir",
            LINUX,
            "linux",
        ],
    ),
    ("x86_64-modules", &["build", "--arch", "x86_64", "modules"]),
    ("arm-modules", &["build", "--arch", "arm", "modules"]),
    (
        "x86_64-modules-hello",
        &["build", "--arch", "x86_64", "modules", "hello"],
    ),
    (
        "arm-modules-hello-file",
        &[
            "build",
            "--arch",
            "arm",
            "modules",
            "hello2",
            "kernel_modules/hello.c",
        ],
    ),
    (
        "x86_64-modules-host",
        &["build", "--arch", "x86_64", "modules", "--host"],
    ),
    (
        "x86_64-userland",
        &["build", "--arch", "x86_64", "userland"],
    ),
    ("arm-userland", &["build", "--arch", "arm", "userland"]),
    (
        "aarch64-userland",
        &["build", "--arch", "aarch64", "userland"],
    ),
    (
        "x86_64-userland-hello",
        &["build", "--arch", "x86_64", "userland", HELLO],
    ),
    (
        "arm-userland-hello",
        &["build", "--arch", "arm", "userland", HELLO],
    ),
    (
        "arm-userland-static-flags",
        &[
            "build",
            "--arch",
            "arm",
            "--static",
            "--optimization-level",
            "2",
            "--ccflags=-DLKMC_X=1 -fno-inline",
            "userland",
            HELLO,
            "userland/cpp/hello.cpp",
        ],
    ),
    (
        "x86_64-userland-gcc-which-buildroot",
        &[
            "build",
            "--arch",
            "x86_64",
            "--gcc-which",
            "buildroot",
            "userland",
            HELLO,
        ],
    ),
    ("x86_64-rootfs", &["build", "--arch", "x86_64", "rootfs"]),
    ("arm-rootfs", &["build", "--arch", "arm", "rootfs"]),
    ("aarch64-rootfs", &["build", "--arch", "aarch64", "rootfs"]),
    (
        "aarch64-rootfs-linux-distro",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "rootfs",
        ],
    ),
    (
        "aarch64-linux-distro",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "linux",
        ],
    ),
    (
        "aarch64-linux-distro-dbg",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "linux",
            "--linux-distro-dbg",
        ],
    ),
    (
        "x86_64-linux-distro-package",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-which",
            "distro",
            "linux",
            "--linux-distro-package",
            "linux-image-cloud-amd64",
        ],
    ),
    (
        "aarch64-modules-linux-distro",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "modules",
            "hello",
        ],
    ),
    (
        "aarch64-rootfs-guest-package",
        &[
            "build",
            "--arch",
            "aarch64",
            "rootfs",
            "--guest-package",
            "strace",
        ],
    ),
    (
        "x86_64-baremetal",
        &["build", "--arch", "x86_64", "baremetal"],
    ),
    ("arm-baremetal", &["build", "--arch", "arm", "baremetal"]),
    (
        "aarch64-baremetal",
        &["build", "--arch", "aarch64", "baremetal"],
    ),
    (
        "arm-baremetal-hello",
        &["build", "--arch", "arm", "baremetal", BM_HELLO],
    ),
    (
        "aarch64-baremetal-hello",
        &["build", "--arch", "aarch64", "baremetal", BM_HELLO],
    ),
    (
        "x86_64-qemu-buildroot",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "--buildroot-source-dir",
            BUILDROOT,
            "qemu-buildroot",
        ],
    ),
    (
        "aarch64-gem5-buildroot",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-source-dir",
            LINUX,
            "--buildroot-source-dir",
            BUILDROOT,
            "--gem5-source-dir",
            GEM5,
            "gem5-buildroot",
        ],
    ),
    (
        "aarch64-buildroot",
        &[
            "build",
            "--arch",
            "aarch64",
            "--buildroot-source-dir",
            BUILDROOT,
            "buildroot",
        ],
    ),
    (
        "arm-buildroot-config-and-downloads",
        &[
            "build",
            "--arch",
            "arm",
            "--buildroot-source-dir",
            BUILDROOT,
            "--buildroot-build-id",
            "mirror",
            "--buildroot-config",
            "BR2_PACKAGE_STRACE=y",
            "--buildroot-config",
            "# BR2_PACKAGE_GDB is not set",
            "--buildroot-config-fragment",
            "$SCRATCH/br.config",
            "--buildroot-dl-dir",
            "/srv/buildroot-dl",
            "--buildroot-primary-site",
            "http://mirror.example/buildroot",
            "--buildroot-override",
            "busybox=$SCRATCH/busybox",
            "-j",
            "3",
            "buildroot",
        ],
    ),
    (
        "x86_64-buildroot-make-targets",
        &[
            "build",
            "--arch",
            "x86_64",
            "--buildroot-source-dir",
            BUILDROOT,
            "buildroot",
            "--",
            "busybox-menuconfig",
        ],
    ),
    (
        "x86_64-rootfs-buildroot",
        &[
            "build",
            "--arch",
            "x86_64",
            "--rootfs",
            "buildroot",
            "--buildroot-source-dir",
            BUILDROOT,
            "rootfs",
        ],
    ),
    (
        "aarch64-clean-buildroot",
        &["build", "--arch", "aarch64", "--clean", "buildroot"],
    ),
    (
        "x86_64-clean-linux",
        &["build", "--arch", "x86_64", "--clean", "linux"],
    ),
    (
        "x86_64-clean-modules",
        &["build", "--arch", "x86_64", "--clean", "modules"],
    ),
    (
        "x86_64-clean-userland",
        &["build", "--arch", "x86_64", "--clean", "userland"],
    ),
    (
        "x86_64-clean-rootfs",
        &["build", "--arch", "x86_64", "--clean", "rootfs"],
    ),
    (
        "arm-clean-baremetal",
        &["build", "--arch", "arm", "--clean", "baremetal"],
    ),
    (
        "x86_64-force-rebuild-linux",
        &[
            "build",
            "--arch",
            "x86_64",
            "--force-rebuild",
            "--linux-source-dir",
            LINUX,
            "linux",
        ],
    ),
    (
        "x86_64-linux-config",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "linux",
            "--config",
            "CONFIG_X=y",
            "--config",
            "CONFIG_CMDLINE=\"quiet\"",
        ],
    ),
    (
        "x86_64-linux-defconfig",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "linux",
            "--linux-defconfig",
            "defconfig",
        ],
    ),
    (
        "aarch64-linux-custom-config-target",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-source-dir",
            LINUX,
            "linux",
            "--custom-config-target",
            "defconfig",
            "--config",
            "CONFIG_DUMMY_IRQ=m",
        ],
    ),
    (
        "aarch64-linux-no-configure",
        &[
            "build",
            "--arch",
            "aarch64",
            "--linux-source-dir",
            LINUX,
            "linux",
            "--no-configure",
        ],
    ),
    (
        "x86_64-linux-make-args",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "linux",
            "--",
            "savedefconfig",
        ],
    ),
    (
        "arm-linux-fragment",
        &[
            "build",
            "--arch",
            "arm",
            "--linux-source-dir",
            LINUX,
            "linux",
            "--config-fragment",
            "$SCRATCH/frag.config",
        ],
    ),
    (
        "x86_64-linux-custom-config",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "linux",
            "--custom-config-file",
            "$SCRATCH/full.config",
        ],
    ),
    (
        "x86_64-linux-initramfs",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "-L",
            "ramfs",
            "linux",
            "--initramfs",
        ],
    ),
    (
        "x86_64-linux-verbose-nproc",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "--verbose",
            "-j",
            "3",
            "linux",
        ],
    ),
    (
        "x86_64-linux-build-id",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "-L",
            "otherid",
            "linux",
        ],
    ),
    (
        "all-archs-linux",
        &["build", "--all-archs", "--linux-source-dir", LINUX, "linux"],
    ),
    (
        "x86_64-linux-not-a-tree",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            "$SCRATCH/nolinux",
            "linux",
        ],
    ),
    (
        "x86_64-download-dependencies",
        &[
            "build",
            "--arch",
            "x86_64",
            "--linux-source-dir",
            LINUX,
            "--download-dependencies",
        ],
    ),
    (
        "arm-dependencies-only",
        &[
            "build",
            "--arch",
            "arm",
            "--linux-source-dir",
            LINUX,
            "--download-dependencies",
            "--dependencies-only",
        ],
    ),
    (
        "aarch64-dependencies-only-baremetal-rootfs",
        &[
            "build",
            "--arch",
            "aarch64",
            "--dependencies-only",
            "baremetal",
            "rootfs",
        ],
    ),
    (
        // No Buildroot tree and no network: the host packages still come.
        "aarch64-dependencies-only-buildroot-rootfs",
        &[
            "build",
            "--arch",
            "aarch64",
            "--dependencies-only",
            "buildroot",
            "rootfs",
        ],
    ),
    ("print-components", &["build", "--print-components"]),
    (
        "print-components-targets",
        &["build", "--print-components", "baremetal", "userland"],
    ),
    ("unknown-target", &["build", "linx"]),
    ("unknown-module", &["build", "modules", "helo"]),
];

/// `lkmc gdb`: the GDB command line for each target.
const GDB: &[Scenario] = &[
    (
        "x86_64-native",
        &["gdb", "--arch", "x86_64", "-e", "native"],
    ),
    ("x86_64-kernel", &["gdb", "--arch", "x86_64"]),
    ("arm-kernel", &["gdb", "--arch", "arm"]),
    ("aarch64-kernel", &["gdb", "--arch", "aarch64"]),
    (
        "aarch64-kernel-linux-distro",
        &["gdb", "--arch", "aarch64", "--linux-which", "distro"],
    ),
    ("x86_64-break", &["gdb", "--arch", "x86_64", "start_kernel"]),
    (
        "x86_64-no-continue",
        &["gdb", "--arch", "x86_64", "--no-continue", "start_kernel"],
    ),
    (
        "x86_64-no-lxsymbols",
        &["gdb", "--arch", "x86_64", "--no-lxsymbols"],
    ),
    (
        "x86_64-userland",
        &["gdb", "--arch", "x86_64", "--userland", HELLO, "main"],
    ),
    (
        "arm-userland",
        &["gdb", "--arch", "arm", "--userland", HELLO, "main"],
    ),
    (
        "aarch64-userland",
        &["gdb", "--arch", "aarch64", "--userland", HELLO, "main"],
    ),
    (
        "x86_64-userland-gdbserver",
        &[
            "gdb",
            "--arch",
            "x86_64",
            "--userland",
            HELLO,
            "--gdbserver",
            "main",
        ],
    ),
    (
        "arm-userland-gdbserver",
        &[
            "gdb",
            "--arch",
            "arm",
            "--userland",
            HELLO,
            "--gdbserver",
            "main",
        ],
    ),
    (
        "aarch64-userland-gdbserver",
        &[
            "gdb",
            "--arch",
            "aarch64",
            "--userland",
            HELLO,
            "--gdbserver",
            "main",
        ],
    ),
    (
        "arm-baremetal",
        &["gdb", "--arch", "arm", "--baremetal", BM_HELLO, "main"],
    ),
    (
        "aarch64-baremetal",
        &["gdb", "--arch", "aarch64", "--baremetal", BM_HELLO, "main"],
    ),
    (
        "x86_64-baremetal",
        &["gdb", "--arch", "x86_64", "--baremetal", BM_HELLO],
    ),
    ("x86_64-kgdb", &["gdb", "--arch", "x86_64", "--kgdb"]),
    (
        "x86_64-kgdb-break",
        &["gdb", "--arch", "x86_64", "--kgdb", "start_kernel"],
    ),
    ("arm-kgdb", &["gdb", "--arch", "arm", "--kgdb"]),
    (
        "x86_64-before",
        &["gdb", "--arch", "x86_64", "--before=-nh -q"],
    ),
    // Refused by clap: a value that starts with `-` needs the `=` form.
    (
        "x86_64-before-hyphen-value",
        &["gdb", "--arch", "x86_64", "--before", "-nh -q"],
    ),
    (
        "x86_64-extra-args",
        &["gdb", "--arch", "x86_64", "--", "-ex", "info registers"],
    ),
    (
        "x86_64-run-id-2",
        &["gdb", "--arch", "x86_64", "--run-id", "2"],
    ),
    ("aarch64-gem5", &["gdb", "--arch", "aarch64", "-e", "gem5"]),
    (
        "x86_64-oneline",
        &[
            "gdb",
            "--arch",
            "x86_64",
            "--print-cmd-oneline",
            "start_kernel",
        ],
    ),
    ("gdbserver-without-userland", &["gdb", "--gdbserver"]),
    (
        "x86_64-port-offset",
        &["gdb", "--arch", "x86_64", "--port-offset", "5"],
    ),
];

/// `lkmc run-toolchain` and `lkmc trace2line`: the commands they would run.
const TOOLS: &[Scenario] = &[
    ("docker-create", &["docker", "create", "--engine", "docker"]),
    (
        "docker-create-base",
        &[
            "docker",
            "create",
            "--engine",
            "podman",
            "--base",
            "localhost/debian:12",
        ],
    ),
    ("docker-sh", &["docker", "--engine", "podman"]),
    (
        "docker-sh-command",
        &[
            "docker", "sh", "--engine", "docker", "--", "lkmc", "test", "boot",
        ],
    ),
    ("docker-start", &["docker", "start", "--engine", "docker"]),
    ("docker-stop", &["docker", "stop", "--engine", "docker"]),
    (
        "docker-destroy",
        &["docker", "DESTROY", "--engine", "podman"],
    ),
    (
        "run-toolchain-readelf",
        &[
            "run-toolchain",
            "--arch",
            "aarch64",
            "readelf",
            "--",
            "-h",
            "x.out",
        ],
    ),
    (
        "run-toolchain-print-tool",
        &["run-toolchain", "--arch", "arm", "--print-tool", "objdump"],
    ),
    (
        "run-toolchain-crosstool-ng-gdb",
        &[
            "run-toolchain",
            "--arch",
            "arm",
            "--gcc-which",
            "crosstool-ng",
            "gdb",
        ],
    ),
    (
        "run-toolchain-path-refused",
        &["run-toolchain", "/usr/bin/readelf"],
    ),
    ("trace2line-kernel", &["trace2line", "--arch", "x86_64"]),
    (
        "trace2line-userland",
        &[
            "trace2line",
            "--arch",
            "aarch64",
            "--userland",
            "$SCRATCH/prog.out",
        ],
    ),
];

/// `lkmc qemu-monitor` and `lkmc snapshot`: the monitor commands they would
/// send (a dry run connects to nothing, so no guest is needed).
const MONITOR: &[Scenario] = &[
    (
        "qemu-monitor-info-status",
        &["qemu-monitor", "--arch", "aarch64", "info", "status"],
    ),
    ("qemu-monitor-session", &["qemu-monitor"]),
    (
        "qemu-monitor-run-id-3",
        &["qemu-monitor", "--run-id", "3", "savevm", "booted"],
    ),
    (
        "qemu-monitor-port-offset",
        &["qemu-monitor", "--port-offset", "7", "info", "status"],
    ),
    // Words after the command are the monitor's, options or not.
    (
        "qemu-monitor-words-after-cmd",
        &["qemu-monitor", "info", "registers", "-a"],
    ),
    (
        "qemu-monitor-gem5-refused",
        &["qemu-monitor", "-e", "gem5", "info", "status"],
    ),
    ("snapshot-save", &["snapshot", "save", "booted"]),
    (
        "snapshot-load-arm",
        &["snapshot", "--arch", "arm", "load", "booted"],
    ),
    ("snapshot-list", &["snapshot", "list"]),
    ("snapshot-delete", &["snapshot", "delete", "booted"]),
    ("snapshot-digits-refused", &["snapshot", "save", "12"]),
];

/// `lkmc test --dry-run`: refused today.
const TEST: &[Scenario] = &[("dry-run", &["test"]), ("dry-run-suite", &["test", "boot"])];

#[test]
fn run_plans() {
    check_topic("run", RUN);
}

#[test]
fn run_userland_plans() {
    check_topic("run-userland", RUN_USERLAND);
}

#[test]
fn run_baremetal_plans() {
    check_topic("run-baremetal", RUN_BAREMETAL);
}

#[test]
fn build_plans() {
    check_topic("build", BUILD);
}

#[test]
fn gdb_plans() {
    check_topic("gdb", GDB);
}

#[test]
fn tools_plans() {
    check_topic("tools", TOOLS);
}

#[test]
fn monitor_plans() {
    check_topic("monitor", MONITOR);
}

#[test]
fn test_plans() {
    check_topic("test", TEST);
}

// ---- the scratch dir ---------------------------------------------------------

/// The scratch dir of one topic: the out dir (never created), a fake kernel
/// tree, an empty config file, config fragments, and two PATH dirs.
struct Scratch {
    dir: PathBuf,
    out: PathBuf,
}

impl Scratch {
    fn new(topic: &str) -> Scratch {
        let dir = temp_dir().join(format!("lkmc-plans-{topic}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let s = Scratch {
            out: dir.join("out"),
            dir,
        };
        s.write(
            "linux/Makefile",
            "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 99\nEXTRAVERSION = -test\n",
        );
        s.write("linux/Kconfig", "");
        s.write("gem5/SConstruct", "");
        std::fs::create_dir_all(s.dir.join("gem5/src/arch/arm")).unwrap();
        s.write("buildroot/Makefile", "");
        s.write("buildroot/package/Config.in", "");
        s.write("buildroot/support/kconfig/merge_config.sh", "");
        s.write("br.config", "BR2_PACKAGE_HTOP=y\n");
        std::fs::create_dir_all(s.dir.join("busybox")).unwrap();
        s.write("qemu/configure", "");
        s.write("qemu/qemu-options.hx", "");
        std::fs::create_dir_all(s.dir.join("qemu/target/arm")).unwrap();
        s.write("crosstool-ng/bootstrap", "");
        s.write("crosstool-ng/ct-ng.in", "");
        std::fs::create_dir_all(s.dir.join("crosstool-ng/packages")).unwrap();
        s.write("lkmc.toml", "");
        s.write("frag.config", "CONFIG_DEBUG_FS=y\n");
        s.write("full.config", "CONFIG_64BIT=y\n");
        // A device tree blob: its magic is all lkmc looks at.
        std::fs::write(s.dir.join("board.dtb"), b"\xd0\x0d\xfe\xed not a real one").unwrap();
        // A kernel image and disk images: their magic numbers are all lkmc
        // looks at (arm64's image header, qcow2's, ext4's superblock).
        let mut image = vec![0u8; 0x40];
        image[0x38..0x3c].copy_from_slice(b"ARM\x64");
        std::fs::write(s.dir.join("Image"), image).unwrap();
        std::fs::write(s.dir.join("disk.qcow2"), b"QFI\xfb not a real one").unwrap();
        let mut vmlinux = vec![0u8; 64];
        vmlinux[..6].copy_from_slice(b"\x7fELF\x02\x01");
        vmlinux[18] = 183;
        std::fs::write(s.dir.join("vmlinux"), vmlinux).unwrap();
        let mut ext4 = vec![0u8; 0x440];
        ext4[0x438..0x43a].copy_from_slice(&[0x53, 0xef]);
        std::fs::write(s.dir.join("disk.ext4"), ext4).unwrap();
        let ccache = s.write("path-ccache/ccache", "#!/bin/sh\nexit 1\n");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ccache, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::create_dir_all(s.dir.join("path-empty")).unwrap();
        s
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    /// Every path under the scratch dir, to notice anything a dry run wrote.
    fn listing(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = walkdir::WalkDir::new(&self.dir)
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .collect();
        v.sort();
        v
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The temp dir without a trailing slash (TMPDIR=/tmp/ gives one).
fn temp_dir() -> PathBuf {
    let t = std::env::temp_dir();
    let s = t.to_string_lossy();
    PathBuf::from(s.trim_end_matches('/'))
}

// ---- running a scenario ------------------------------------------------------

/// The PATH a scenario runs with: every scenario runs with each, and all
/// must give the same normalised text (see the module doc on ccache).
#[derive(Clone, Copy, Debug, PartialEq)]
enum PathVariant {
    Inherited,
    /// Only a fake `ccache`.
    Ccache,
    /// Nothing at all.
    Empty,
}

const VARIANTS: [PathVariant; 3] = [
    PathVariant::Inherited,
    PathVariant::Ccache,
    PathVariant::Empty,
];

/// The full argument list of a scenario: COMMON after the subcommand, and
/// the placeholders filled in.
fn full_args(s: &Scratch, args: &[&str]) -> Vec<String> {
    let fill = |a: &str| {
        a.replace("$OUT", &s.out.to_string_lossy())
            .replace("$SCRATCH", &s.dir.to_string_lossy())
    };
    let mut v = vec![fill(args[0])];
    v.extend(COMMON.iter().map(|a| fill(a)));
    v.extend(args[1..].iter().map(|a| fill(a)));
    v
}

fn run_lkmc(s: &Scratch, args: &[String], variant: PathVariant) -> (i32, String, String) {
    let mut c = Command::new(BIN);
    c.args(args)
        .current_dir(ROOT)
        .env_remove("LKMC_CONFIG")
        .env_remove("LKMC_ROOT")
        .env_remove("LKMC_LOG")
        .env_remove("TMUX")
        // Keeps git off the network if a kernel source fetch is ever planned.
        .env("LKMC_OFFLINE", "1");
    match variant {
        PathVariant::Inherited => {}
        PathVariant::Ccache => {
            c.env("PATH", s.dir.join("path-ccache"));
        }
        PathVariant::Empty => {
            c.env("PATH", s.dir.join("path-empty"));
        }
    }
    let Output {
        status,
        stdout,
        stderr,
    } = c.output().unwrap();
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// The golden text of one run.
fn golden_text(cmdline: &str, code: i32, out: &str, err: &str) -> String {
    let section = |title: &str, text: &str| {
        let mut s = format!("----- {title} -----\n{text}");
        if !text.is_empty() && !text.ends_with('\n') {
            s.push_str("\n\\ no newline at end\n");
        }
        s
    };
    format!(
        "$ lkmc {cmdline}\nexit status: {code}\n{}{}",
        section("stdout", out),
        section("stderr", err)
    )
}

fn check_topic(topic: &str, scenarios: &[Scenario]) {
    if !cfg!(target_arch = "x86_64") {
        eprintln!(
            "skipping the {topic} plans: the goldens are for an x86_64 host (the host arch \
             decides cross prefixes and QEMU user mode)"
        );
        return;
    }
    let s = Scratch::new(topic);
    let host = Host::new(&s);
    let before = s.listing();
    let bless = std::env::var_os("LKMC_BLESS").is_some();
    let golden_dir = Path::new(ROOT).join("tests/golden/plans");
    let prefix = format!("{topic}--");
    let mut names = std::collections::BTreeSet::new();
    let mut failures: Vec<String> = Vec::new();
    let distro_ready = distro_kernels_known();
    for (name, args) in scenarios {
        assert!(names.insert(*name), "{topic}: scenario {name} twice");
        if !distro_ready && args.windows(2).any(|w| w == ["--linux-which", "distro"]) {
            eprintln!(
                "skipping {topic} {name}: the host's apt lists name no Debian kernel for it \
                 (arm64 is not a dpkg architecture, or apt-get update has not run); \
                 `lkmc build --download-dependencies --all-archs` makes them"
            );
            continue;
        }
        let full = full_args(&s, args);
        let cmdline = host.paths(&full.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" "));
        let mut texts: Vec<(PathVariant, String)> = Vec::new();
        for variant in VARIANTS {
            let (code, out, err) = run_lkmc(&s, &full, variant);
            // gem5's scons takes ccache through CC/CXX in its environment.
            let out = match gem5_ccache_prefix(&out) {
                Some(prefix) => out.replace(&prefix, ""),
                None => out,
            };
            let what = format!("{topic} {name} (PATH {variant:?})");
            if s.out.exists() {
                failures.push(format!("{what}: the dry run created {}", s.out.display()));
                let _ = std::fs::remove_dir_all(&s.out);
            }
            let after = s.listing();
            if after != before {
                let new: Vec<&PathBuf> = after.iter().filter(|p| !before.contains(p)).collect();
                failures.push(format!(
                    "{what}: the dry run changed the scratch dir: {new:?}"
                ));
            }
            for text in [&out, &err] {
                if text.contains("kernel source:") || text.contains(" source: git ") {
                    failures.push(format!(
                        "{what}: the plan fetches the kernel source, which depends on the host: \
                         add --linux-source-dir {LINUX}"
                    ));
                }
            }
            let cc = out.matches("CC=").count();
            let ccache_cc = out.matches("'CC=ccache ").count();
            match variant {
                PathVariant::Ccache if cc != ccache_cc => failures.push(format!(
                    "{what}: a kernel make without ccache although ccache is on PATH"
                )),
                PathVariant::Empty if ccache_cc > 0 || out.contains("CCACHE_") => failures.push(
                    format!("{what}: ccache in the plan although it is not on PATH"),
                ),
                _ => {}
            }
            let out = match normalise(&out, &host, &full) {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{what}: {e}"));
                    out
                }
            };
            let err = match normalise(&err, &host, &full) {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{what}: {e}"));
                    err
                }
            };
            texts.push((variant, golden_text(&cmdline, code, &out, &err)));
        }
        let got = &texts[0].1;
        for (variant, text) in &texts[1..] {
            if text != got {
                failures.push(mismatch(
                    &format!("{topic} {name}"),
                    "with the inherited PATH",
                    got,
                    &format!("with PATH {variant:?}"),
                    text,
                ));
            }
        }
        let golden = golden_dir.join(format!("{prefix}{name}.txt"));
        if bless {
            std::fs::create_dir_all(&golden_dir).unwrap();
            if std::fs::read_to_string(&golden).ok().as_ref() != Some(got) {
                std::fs::write(&golden, got).unwrap();
            }
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if &want == got => {}
            Ok(want) => failures.push(mismatch(
                &format!("{topic} {name}"),
                "got",
                got,
                &format!("want ({})", golden.display()),
                &want,
            )),
            Err(_) => failures.push(format!(
                "{topic} {name}: {} is missing: run LKMC_BLESS=1 cargo test --test plans",
                golden.display()
            )),
        }
    }
    // Goldens of scenarios no longer in the table.
    for entry in std::fs::read_dir(&golden_dir).into_iter().flatten() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(name) = file
            .strip_prefix(&prefix)
            .and_then(|f| f.strip_suffix(".txt"))
        else {
            continue;
        };
        if !names.contains(name) {
            if bless {
                std::fs::remove_file(golden_dir.join(&file)).unwrap();
            } else {
                failures.push(format!(
                    "{topic}: tests/golden/plans/{file} belongs to no scenario: \
                     LKMC_BLESS=1 removes it"
                ));
            }
        }
    }
    if !failures.is_empty() {
        for f in &failures {
            eprintln!("{f}\n");
        }
        panic!(
            "{} problem(s) in the {topic} plans (each printed above); if the change is \
             intended, rerun with LKMC_BLESS=1 and review the diff of tests/golden/plans/",
            failures.len()
        );
    }
}

/// A readable account of two texts that differ: the first differing line,
/// then both texts whole.
fn mismatch(what: &str, a_name: &str, a: &str, b_name: &str, b: &str) -> String {
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let n = (0..al.len().max(bl.len()))
        .find(|&i| al.get(i) != bl.get(i))
        .unwrap_or(al.len());
    let show = |l: Option<&&str>| l.map_or("(no such line)".to_string(), |l| format!("{l:?}"));
    format!(
        "{what}: differs at line {}:\n  {a_name}: {}\n  {b_name}: {}\n\
         ===== {a_name}, whole =====\n{a}===== {b_name}, whole =====\n{b}===== end =====",
        n + 1,
        show(al.get(n)),
        show(bl.get(n)),
    )
}

/// Quote one word for the shell, as lkmc prints it (Python's shlex.quote).
fn quote(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', r#"'"'"'"#))
}

// ---- normalisation -----------------------------------------------------------

/// What differs from one host, user or test run to another.
struct Host {
    /// (text, placeholder), most specific first.
    paths: Vec<(String, &'static str)>,
    nproc: String,
    uid: String,
    gid: String,
    release: String,
    /// The distro kernels' ABI names (6.1.0-57) and versions (6.1.192-3)
    /// apt has now: Debian's security updates move them every few weeks.
    distro_kernels: Vec<(String, &'static str)>,
}

/// Whether the host's apt lists know every kernel metapackage the
/// `--linux-which distro` scenarios resolve (their plans come from apt).
fn distro_kernels_known() -> bool {
    [
        "linux-image-amd64",
        "linux-image-cloud-amd64",
        "linux-image-arm64:arm64",
    ]
    .iter()
    .all(|pkg| {
        Command::new("/usr/bin/apt-cache")
            .args(["show", "--no-all-versions", pkg])
            .output()
            .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"Package:"))
    })
}

/// What the host's apt lists say the `--linux-which distro` scenarios
/// download: `(text, placeholder)` for each kernel's ABI name and version.
fn distro_kernels() -> Vec<(String, &'static str)> {
    let out = Command::new("/usr/bin/apt-cache")
        .args(["show", "--no-all-versions"])
        .args([
            "linux-image-amd64",
            "linux-image-cloud-amd64",
            "linux-image-arm64:arm64",
        ])
        .output();
    let text = out
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let mut found = Vec::new();
    for deps in text.lines().filter_map(|l| l.strip_prefix("Depends: ")) {
        // linux-image-6.1.0-57-arm64 (= 6.1.192-3)
        let Some(rest) = deps.strip_prefix("linux-image-") else {
            continue;
        };
        let abi: String = rest.split('-').take(2).collect::<Vec<_>>().join("-");
        if let Some(version) = rest
            .split_once("(= ")
            .and_then(|(_, v)| v.split(')').next())
        {
            found.push((version.to_string(), "$DISTRO_VERSION"));
        }
        found.push((abi, "$DISTRO_ABI"));
    }
    found.sort();
    found.dedup();
    // Versions (6.1.192-3) before ABI names (6.1.0-57): neither holds the other.
    found.sort_by_key(|(_, p)| *p != "$DISTRO_VERSION");
    found
}

impl Host {
    fn new(s: &Scratch) -> Host {
        use std::os::unix::fs::MetadataExt;
        let mut general = vec![
            (ROOT.to_string(), "$ROOT"),
            (temp_dir().to_string_lossy().into_owned(), "$TMP"),
        ];
        // The longer first, in case one is inside the other.
        general.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut paths = vec![
            // The lkmc binary (tmux's GDB pane runs it): debug or release.
            (BIN.to_string(), "$LKMC"),
            (s.out.to_string_lossy().into_owned(), "$OUT"),
            (s.dir.to_string_lossy().into_owned(), "$SCRATCH"),
        ];
        paths.extend(general);
        for (p, _) in &paths {
            assert!(
                p == &quote(p),
                "{p} needs shell quotes, so it cannot be normalised in the plans: \
                 use a checkout and TMPDIR without special characters"
            );
        }
        let me = std::fs::metadata("/proc/self").unwrap();
        Host {
            paths,
            nproc: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
                .to_string(),
            uid: me.uid().to_string(),
            gid: me.gid().to_string(),
            release: std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .unwrap_or_default()
                .trim()
                .to_string(),
            distro_kernels: distro_kernels(),
        }
    }

    fn paths(&self, text: &str) -> String {
        let mut t = text.to_string();
        for (p, placeholder) in &self.paths {
            t = replace_path(&t, p, placeholder);
        }
        t
    }
}

/// `text` with the path `path` replaced by `placeholder` where it is a whole
/// path or the start of one: not in `tree/tmp` or `/tmpfoo` for `/tmp`.
fn replace_path(text: &str, path: &str, placeholder: &str) -> String {
    let word = |c: char| c.is_ascii_alphanumeric() || "_-.".contains(c);
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(path) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + path.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(|c| word(c) || c == '/') || after.is_some_and(word) {
            out.push_str(path);
        } else {
            out.push_str(placeholder);
        }
        rest = &rest[at + path.len()..];
    }
    out.push_str(rest);
    out
}

/// `text` with every host-dependent part replaced, as the module doc lists.
/// Fails when a host-dependent part is not in the expected form.
fn normalise(text: &str, host: &Host, args: &[String]) -> Result<String, String> {
    let mut t = host.paths(text);
    let explicit_jobs = args
        .iter()
        .any(|a| a == "-j" || a.starts_with("--nproc") || (a.starts_with("-j") && a.len() > 2));
    if !explicit_jobs {
        t = t.replace(&format!("-j {} ", host.nproc), "-j $NPROC ");
        // Buildroot takes the job count in its .config.
        t = t.replace(
            &format!("BR2_JLEVEL={}\n", host.nproc),
            "BR2_JLEVEL=$NPROC\n",
        );
    }
    if !host.release.is_empty() {
        t = t.replace(
            &format!("/lib/modules/{}/", host.release),
            "/lib/modules/$RELEASE/",
        );
    }
    for (text, placeholder) in &host.distro_kernels {
        t = t.replace(text.as_str(), placeholder);
    }
    let mut steps = Vec::new();
    for step in split_steps(&t) {
        steps.push(without_ccache(&step)?);
    }
    let steps = sysroot_libs(steps);
    let steps = host_packages(steps);
    let steps: Vec<String> = steps.iter().map(|s| rootfs_numbers(s, host)).collect();
    Ok(drop_package_list(&steps.concat()))
}

/// The plan's steps: each starts with a line `+ ...`; the text before the
/// first one (if any) is a step too. Joined, they give `text` back.
fn split_steps(text: &str) -> Vec<String> {
    let mut steps: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        match steps.last_mut() {
            Some(last) if !line.starts_with("+ ") => last.push_str(line),
            _ => steps.push(line.to_string()),
        }
    }
    steps
}

/// How a gem5 scons step names ccache when it is on PATH: ccache's
/// compiler-named links, in whichever dir this host has them (taken out of
/// the plan: the goldens hold the form without ccache).
fn gem5_ccache_prefix(step: &str) -> Option<String> {
    [
        "/usr/lib/ccache",
        "/usr/lib64/ccache",
        "/usr/local/lib/ccache",
    ]
    .iter()
    .map(|d| format!("CC={d}/gcc \\\n  CXX={d}/g++ \\\n  "))
    .find(|prefix| step.contains(prefix.as_str()))
}

/// A kernel or module make through ccache, written as without it.
fn without_ccache(step: &str) -> Result<String, String> {
    let cc = step.contains("'CC=ccache ");
    let depend = step.contains("CCACHE_DEPEND=1");
    if cc != depend {
        return Err(format!(
            "a step has only one of 'CC=ccache ...' and CCACHE_DEPEND=1:\n{step}"
        ));
    }
    if !cc {
        return Ok(step.to_string());
    }
    let mut s = step
        .replace("CCACHE_DEPEND=1 \\\n  ", "")
        .replace("CCACHE_DEPEND=1 ", "");
    while let Some(at) = s.find("'CC=ccache ") {
        let rest = &s[at + "'CC=ccache ".len()..];
        let end = rest
            .find('\'')
            .ok_or_else(|| format!("unterminated 'CC=ccache in:\n{step}"))?;
        let gcc = rest[..end].to_string();
        s.replace_range(at..at + "'CC=ccache ".len() + end + 1, &format!("CC={gcc}"));
    }
    Ok(s)
}

/// What stands for the sysroot libraries of the rootfs.
const SYSROOT_LIBS: &str = "+ <sysroot libraries: `cp -L LIB... TREE/lib` and `ln -s lib TREE/lib64`, \
     or nothing; they depend on the host (tests/plans.rs)>\n";

/// The rootfs's copy of the host's sysroot libraries, as one line.
fn sysroot_libs(steps: Vec<String>) -> Vec<String> {
    let is_cp = |s: &str| s.starts_with("+ cp \\\n  -L \\\n") || s.starts_with("+ cp -L ");
    let is_ln = |s: &str| s.starts_with("+ ln -s lib ") && s.trim_end().ends_with("/lib64");
    let mut out = Vec::new();
    let mut found = false;
    let mut i = 0;
    while i < steps.len() {
        if is_cp(&steps[i]) {
            out.push(SYSROOT_LIBS.to_string());
            found = true;
            i += 1;
            if steps.get(i).is_some_and(|s| is_ln(s)) {
                i += 1;
            }
            continue;
        }
        out.push(steps[i].clone());
        i += 1;
    }
    if !found && let Some(at) = out.iter().position(|s| s.contains("--list-full)")) {
        // A host without the libraries: the line goes where they would.
        out.insert(at + 1, SYSROOT_LIBS.to_string());
    }
    out
}

/// The apt-get and dpkg steps of `--download-dependencies`, as one line.
fn host_packages(steps: Vec<String>) -> Vec<String> {
    let is_host = |s: &str| {
        let one = s.replace(" \\\n  ", " ");
        let apt = |what: &str| {
            one.contains(&format!("apt-get {what}"))
                || one.contains(&format!("apt-get -o DPkg::Lock::Timeout=600 {what}"))
        };
        s.starts_with("+ cat > /etc/apt/")
            || one.contains("--add-architecture")
            || apt("update")
            || apt("install")
    };
    let mut out: Vec<String> = Vec::new();
    let mut last_was_host = false;
    for s in steps {
        if is_host(&s) {
            if !last_was_host {
                out.push(
                    "+ <host packages: apt-get update and install, dpkg --add-architecture, \
                     apt sources; they depend on the host (tests/plans.rs)>\n"
                        .to_string(),
                );
            }
            last_was_host = true;
        } else {
            out.push(s);
            last_was_host = false;
        }
    }
    out
}

/// The ext4 image's size and the cpio's owner in the rootfs plan.
fn rootfs_numbers(step: &str, host: &Host) -> String {
    let mke2fs = step.contains("mke2fs");
    let initramfs = step.contains("gen_initramfs.sh");
    if !mke2fs && !initramfs {
        return step.to_string();
    }
    let mut lines = Vec::new();
    for line in step.split('\n') {
        let mut words: Vec<String> = line.split(' ').map(str::to_string).collect();
        for i in 0..words.len() {
            let w = &words[i];
            if mke2fs
                && w.len() > 1
                && w.ends_with('M')
                && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit())
            {
                words[i] = "$MIBM".to_string();
            } else if initramfs && i > 0 {
                if words[i - 1] == "-u" && *w == host.uid {
                    words[i] = "$UID".to_string();
                } else if words[i - 1] == "-g" && *w == host.gid {
                    words[i] = "$GID".to_string();
                }
            }
        }
        lines.push(words.join(" "));
    }
    lines.join("\n")
}

/// stderr of `--download-dependencies`: the host packages it would install.
fn drop_package_list(text: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("dependencies: installing ") {
            in_list = true;
            continue;
        }
        if in_list && line.starts_with("  ") {
            continue;
        }
        in_list = false;
        out.push_str(line);
    }
    out
}

#[test]
fn normalisation_of_host_dependent_parts() {
    let s = Scratch::new("normalise");
    let host = Host {
        paths: vec![(s.dir.to_string_lossy().into_owned(), "$SCRATCH")],
        nproc: "5".into(),
        uid: "1000".into(),
        gid: "100".into(),
        release: "6.1.0-9-amd64".into(),
        distro_kernels: vec![
            ("6.1.192-3".into(), "$DISTRO_VERSION"),
            ("6.1.0-57".into(), "$DISTRO_ABI"),
        ],
    };
    let args: Vec<String> = vec![];
    // The distro kernel's names, after the host's own release.
    assert_eq!(
        normalise(
            "+ apt-get download linux-image-6.1.0-57-arm64:arm64=6.1.192-3
+ ls /lib/modules/6.1.0-9-amd64/
",
            &host,
            &args
        )
        .unwrap(),
        "+ apt-get download linux-image-$DISTRO_ABI-arm64:arm64=$DISTRO_VERSION
+ ls /lib/modules/$RELEASE/
"
    );
    let n = |t: &str| normalise(t, &host, &args).unwrap();
    // ccache, multi-line and one-line.
    assert_eq!(
        n("+ CCACHE_DEPEND=1 \\\n  make \\\n  -j 5 \\\n  'CC=ccache gcc' \\\n;\n"),
        "+ make \\\n  -j $NPROC \\\n  CC=gcc \\\n;\n"
    );
    assert_eq!(
        n("+ CCACHE_DEPEND=1 KBUILD_X=1 make 'CC=ccache arm-linux-gnueabihf-gcc' all\n"),
        "+ KBUILD_X=1 make CC=arm-linux-gnueabihf-gcc all\n"
    );
    assert!(normalise("+ make 'CC=ccache gcc'\n", &host, &args).is_err());
    // -j given by the scenario is kept.
    let j: Vec<String> = vec!["-j".into(), "5".into()];
    assert_eq!(
        normalise("+ make -j 5 x\n", &host, &j).unwrap(),
        "+ make -j 5 x\n"
    );
    // Sysroot libraries, present or not.
    let applets = "+ sh -c 'for a in $(x --list-full); do :; done'\n";
    let with = format!(
        "{applets}+ cp \\\n  -L \\\n  /lib/libc.so.6 \\\n  T/lib \\\n;\n+ ln -s lib T/lib64\n+ next\n"
    );
    let without = format!("{applets}+ next\n");
    assert_eq!(n(&with), n(&without));
    assert_eq!(n(&with), format!("{applets}{SYSROOT_LIBS}+ next\n"));
    // Image size and cpio owner.
    assert_eq!(
        n("+ mke2fs -q T 75M\n+ gen_initramfs.sh -u 1000 -g 100 -u 7\n"),
        "+ mke2fs -q T $MIBM\n+ gen_initramfs.sh -u $UID -g $GID -u 7\n"
    );
    // Host packages.
    let deps = "+ sudo apt-get update\n+ DEBIAN_FRONTEND=noninteractive \\\n  sudo \\\n  apt-get \\\n  install \\\n  x \\\n;\n+ mkdir -p d\n";
    assert_eq!(
        n(deps),
        n("+ apt-get update\n+ mkdir -p d\n"),
        "with or without sudo and packages to install"
    );
    assert_eq!(
        n("dependencies: installing 2 package(s):\n  a: x\n  b: y\ndependencies: guest\n"),
        "dependencies: guest\n"
    );
    // Whole paths only.
    assert_eq!(
        replace_path("/tmp /tmp/a T/tmp /tmpx '/tmp' x=/tmp:", "/tmp", "$TMP"),
        "$TMP $TMP/a T/tmp /tmpx '$TMP' x=$TMP:"
    );
    assert_eq!(
        n("x /lib/modules/6.1.0-9-amd64/build y"),
        "x /lib/modules/$RELEASE/build y"
    );
}
