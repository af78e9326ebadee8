//! The command line: every option, its short form and its documentation, in
//! one place.
//!
//! This module only describes and validates what the user typed; it does no
//! I/O. `config` layers `lkmc.toml` under it and resolves the result into a
//! `Config`. Option names follow the original lkmc so that its users' habits
//! and scripts carry over.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::facts::provider::{GccWhich, Gem5BuildType, LinuxWhich, QemuBuildType, QemuWhich};
use crate::facts::rootfs::Rootfs;
use crate::facts::{Arch, Emulator};

const COMMON: &str = "Common options";

/// Guest CPUs unless told otherwise.
pub const DEFAULT_CPUS: u32 = 1;

/// Guest RAM unless told otherwise, in QEMU's syntax.
pub const DEFAULT_MEMORY: &str = "256M";

/// Build, boot and debug Linux kernels, kernel modules, userland and baremetal
/// programs on QEMU and gem5, for x86_64, arm and aarch64.
///
/// Every option can also be given in lkmc.toml (see README.adoc). Every
/// command prints what it runs; --dry-run prints it without running anything.
#[derive(Debug, Parser)]
#[command(name = "lkmc", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Guest architecture; repeat to act on several, one after the other.
    /// Default: x86_64
    #[arg(short = 'a', long = "arch", value_enum, global = true, help_heading = COMMON)]
    pub arch: Vec<Arch>,

    /// Act on every architecture (x86_64, arm, aarch64); overrides --arch.
    #[arg(short = 'A', long, global = true, help_heading = COMMON)]
    pub all_archs: bool,

    /// Emulator that runs the guest. Default: qemu
    #[arg(short = 'e', long, value_enum, global = true, help_heading = COMMON)]
    pub emulator: Option<Emulator>,

    /// Print the commands that would run, in copy-pasteable shell form, and
    /// do nothing: no command runs, no file or directory is created.
    #[arg(long, global = true, help_heading = COMMON)]
    pub dry_run: bool,

    /// Print each command on a single line instead of one argument per line.
    #[arg(long, global = true, help_heading = COMMON)]
    pub print_cmd_oneline: bool,

    /// Where everything generated goes (`lkmc docker`'s container sets
    /// LKMC_OUT_DIR to out.docker/). Default: out/ in the lkmc checkout
    #[arg(long, value_name = "DIR", global = true, env = "LKMC_OUT_DIR", help_heading = COMMON)]
    pub out_dir: Option<PathBuf>,

    /// Kernel build id: several kernel builds side by side. Default: default
    #[arg(short = 'L', long, value_name = "ID", global = true, help_heading = COMMON,
          value_parser = parse_build_id)]
    pub linux_build_id: Option<String>,

    /// Which kernel: lkmc's own build of the kernel source, or the distro's
    /// packaged kernel for the guest arch (Debian's linux-image-*, fetched
    /// and unpacked under out/linux-distro/ARCH by `lkmc build linux`; no
    /// compile, no lkmc config fragments). Default: lkmc
    #[arg(long, value_enum, global = true, help_heading = COMMON)]
    pub linux_which: Option<LinuxWhich>,

    /// Kernel source tree to build. Default: submodules/linux
    #[arg(long, value_name = "DIR", global = true, help_heading = COMMON)]
    pub linux_source_dir: Option<PathBuf>,

    /// Buildroot build id. Default: default
    #[arg(long, value_name = "ID", global = true, help_heading = COMMON,
          value_parser = parse_build_id)]
    pub buildroot_build_id: Option<String>,

    /// Userland build id. Default: default
    #[arg(long, value_name = "ID", global = true, help_heading = COMMON,
          value_parser = parse_build_id)]
    pub userland_build_id: Option<String>,

    /// QEMU build id (`lkmc build qemu`, --qemu-which lkmc). Default: default
    #[arg(long, value_name = "ID", global = true, help_heading = COMMON,
          value_parser = parse_build_id)]
    pub qemu_build_id: Option<String>,

    /// gem5 build id. Default: default
    #[arg(short = 'M', long, value_name = "ID", global = true, help_heading = COMMON,
          value_parser = parse_build_id)]
    pub gem5_build_id: Option<String>,

    /// crosstool-NG build id. Default: default
    #[arg(long, value_name = "ID", global = true, help_heading = COMMON,
          value_parser = parse_build_id)]
    pub crosstool_ng_build_id: Option<String>,

    /// Run id: selects the run directory and the ports (GDB, monitor, serial),
    /// so that runs with different ids can go on at the same time. Default: 0
    #[arg(long, value_name = "N", global = true, help_heading = COMMON,
          value_parser = clap::value_parser!(u16).range(0..=999))]
    pub run_id: Option<u16>,

    /// Ports of this block instead of the run id's: QEMU's from 45454 +
    /// 10*N (monitor, forwarded ports, GDB, second serial); gem5 picks its
    /// own and lkmc reads them back. Give `lkmc gdb` the same. Default: the
    /// run id
    #[arg(long, value_name = "N", global = true, help_heading = COMMON,
          value_parser = clap::value_parser!(u16).range(0..=999))]
    pub port_offset: Option<u16>,

    /// Toolchain that compiles guest code. Default: host
    #[arg(long, value_enum, global = true, help_heading = COMMON)]
    pub gcc_which: Option<GccWhich>,

    /// QEMU to run. Default: host
    #[arg(long, value_enum, global = true, help_heading = COMMON)]
    pub qemu_which: Option<QemuWhich>,

    /// QEMU source tree to build from (`lkmc build qemu`). Default:
    /// submodules/qemu
    #[arg(long, value_name = "DIR", global = true, help_heading = COMMON)]
    pub qemu_source_dir: Option<PathBuf>,

    /// Which QEMU build to make and run with --qemu-which lkmc: opt, or
    /// debug (-O0, assertions; for --debug-vm). Default: opt
    #[arg(long, value_enum, global = true, help_heading = COMMON)]
    pub qemu_build_type: Option<QemuBuildType>,

    /// crosstool-NG source tree to build from (`lkmc build crosstool-ng`).
    /// Default: submodules/crosstool-ng
    #[arg(long, value_name = "DIR", global = true, help_heading = COMMON)]
    pub crosstool_ng_source_dir: Option<PathBuf>,

    /// Where crosstool-NG finds and keeps source tarballs
    /// (CT_LOCAL_TARBALLS_DIR), shared by every build id. Default:
    /// out/crosstool-ng/download
    #[arg(long, value_name = "DIR", global = true, help_heading = COMMON)]
    pub crosstool_ng_download_dir: Option<PathBuf>,

    /// Who makes the guest's root filesystem. Default: lkmc
    #[arg(long, value_enum, global = true, help_heading = COMMON)]
    pub rootfs: Option<Rootfs>,

    /// gem5 source tree to build from. Default: submodules/gem5
    #[arg(long, value_name = "DIR", global = true, help_heading = COMMON)]
    pub gem5_source_dir: Option<PathBuf>,

    /// Buildroot source tree to build from. Default: submodules/buildroot
    #[arg(long, value_name = "DIR", global = true, help_heading = COMMON)]
    pub buildroot_source_dir: Option<PathBuf>,

    /// A gem5 build dir of your own (the one holding ARM/gem5.opt): lkmc
    /// runs that gem5 and never builds it. Default: lkmc's build,
    /// out/gem5/ID/build
    #[arg(long, value_name = "DIR", global = true, help_heading = COMMON)]
    pub gem5_build_dir: Option<PathBuf>,

    /// Which gem5 binary to build and run. Default: opt
    #[arg(long, value_enum, global = true, help_heading = COMMON)]
    pub gem5_build_type: Option<Gem5BuildType>,

    /// Parallel jobs. Default: the number of CPUs
    #[arg(short = 'j', long, value_name = "N", global = true, help_heading = COMMON,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub nproc: Option<u32>,

    /// Link userland programs statically; the userland build id defaults to
    /// `static`, so static and dynamic builds live side by side.
    #[arg(long = "static", global = true, help_heading = COMMON)]
    pub static_userland: bool,

    /// Userland: build next to the sources (userland/c/hello.out) for the
    /// host, as the original's userland/build did.
    #[arg(long, global = true, help_heading = COMMON)]
    pub in_tree: bool,

    /// Show everything: full build output (V=1), every step.
    #[arg(short = 'v', long, global = true, help_heading = COMMON, conflicts_with = "quiet")]
    pub verbose: bool,

    /// Print only errors and the requested output.
    #[arg(short = 'q', long, global = true, help_heading = COMMON)]
    pub quiet: bool,

    /// Defaults for any long option (TOML). Default: lkmc.toml in the lkmc
    /// checkout, if it exists
    #[arg(long, value_name = "FILE", global = true, env = "LKMC_CONFIG", help_heading = COMMON)]
    pub config_file: Option<PathBuf>,
}

// One value per process, parsed once: the size of its largest variant
// (`BuildArgs`) costs nothing worth a Box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build components: the kernel, modules, userland, root filesystem, ...
    Build(BuildArgs),
    /// Boot the guest, or run one program, in an emulator.
    Run(Box<RunArgs>),
    /// Attach GDB to a running emulator of the same arch and run id.
    Gdb(GdbArgs),
    /// Run test suites for real in the emulator.
    Test(TestArgs),
    /// Print derived paths, ports and settings: all, or one by name.
    Getvar(GetvarArgs),
    /// Send a command to the QEMU monitor of the guest running on this arch
    /// and run id, and print its answer; with none, a monitor session.
    QemuMonitor(QemuMonitorArgs),
    /// Save, load, list or delete snapshots of the running QEMU guest
    /// (the monitor's savevm, loadvm, info snapshots, delvm).
    Snapshot(SnapshotArgs),
    /// Attach to the console of a gem5 guest started with --background.
    Gem5Shell,
    /// Print gem5 statistics of the run's stats.txt, one line per dump.
    Gem5Stat(Gem5StatArgs),
    /// Run a tool of the arch's toolchain (--gcc-which): readelf, objdump,
    /// gcc, gdb, ...
    RunToolchain(RunToolchainArgs),
    /// Map an instruction trace of QEMU (-d in_asm, exec_tb) to source
    /// lines and functions, with addr2line.
    Trace2line(Trace2lineArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Report what this machine has and lacks for each arch and emulator,
    /// with the command that fixes each gap.
    Doctor(DoctorArgs),
    /// lkmc's host in a container (docker or podman): create the image and
    /// container from the Dockerfile, open a shell or run a command in it,
    /// start, stop, destroy.
    Docker(DockerArgs),
}

/// `lkmc docker`
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "The image and the container are both named lkmc; the checkout is \
mounted at /root/lkmc, and builds inside go to out.docker/ of the checkout."
)]
pub struct DockerArgs {
    /// What to do. Default: sh
    #[arg(value_enum, default_value = "sh")]
    pub action: DockerAction,

    /// The container engine. Default: docker if its daemon answers, else
    /// podman
    #[arg(long, value_enum)]
    pub engine: Option<Engine>,

    /// For create: the Debian 12 image the Dockerfile starts from (its
    /// BASE argument), e.g. one made locally with debootstrap and
    /// `podman import`. Default: debian:12
    #[arg(long, value_name = "IMAGE")]
    pub base: Option<String>,

    /// For sh: the command to run in the container, after `--`. Default:
    /// bash
    #[arg(last = true, value_name = "CMD")]
    pub command: Vec<String>,
}

/// What `lkmc docker` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DockerAction {
    /// Build the image from the Dockerfile and create the container
    Create,
    /// Start the container if needed and run a command in it (a shell)
    Sh,
    /// Start the container
    Start,
    /// Stop the container
    Stop,
    /// Stop, then remove the container and the image
    #[value(alias = "DESTROY")]
    Destroy,
}

impl DockerAction {
    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            DockerAction::Create => "create",
            DockerAction::Sh => "sh",
            DockerAction::Start => "start",
            DockerAction::Stop => "stop",
            DockerAction::Destroy => "destroy",
        }
    }
}

/// A container engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    Docker,
    Podman,
}

/// `lkmc qemu-monitor`
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Examples: lkmc qemu-monitor info status; lkmc qemu-monitor --arch \
aarch64 --run-id 1 xp /4x 0x40000000; echo 'info qtree' | lkmc qemu-monitor. Options of lkmc \
go before CMD: the words after it are the monitor's (info registers -a)."
)]
pub struct QemuMonitorArgs {
    /// The monitor command and its arguments (QEMU's `help` lists them).
    /// Without one: each line of stdin is a command, after a `(qemu) `
    /// prompt on a terminal; Ctrl-D leaves (`quit` stops QEMU).
    #[arg(
        value_name = "CMD",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub command: Vec<String>,
}

/// `lkmc snapshot`
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Snapshots hold the whole machine: CPU, memory and disk. They are \
kept in the run's qcow2 disk overlay, so they last as long as the run (with --disk-persist, \
in the image itself). QEMU cannot snapshot a guest with a 9P share mounted: umount -a -t 9p \
in the guest first."
)]
pub struct SnapshotArgs {
    #[command(subcommand)]
    pub action: SnapshotAction,
}

/// What `lkmc snapshot` does.
#[derive(Debug, Clone, Subcommand)]
pub enum SnapshotAction {
    /// Save the running guest as NAME (savevm; an existing NAME is replaced).
    Save {
        #[arg(value_name = "NAME", value_parser = parse_snapshot_name)]
        name: String,
    },
    /// Go back to the snapshot NAME (loadvm); refused if there is none.
    Load {
        #[arg(value_name = "NAME", value_parser = parse_snapshot_name)]
        name: String,
    },
    /// List the snapshots (info snapshots).
    List,
    /// Delete the snapshot NAME (delvm); refused if there is none.
    Delete {
        #[arg(value_name = "NAME", value_parser = parse_snapshot_name)]
        name: String,
    },
}

/// A snapshot name the monitor takes as one tag: one word, and not all
/// digits (QEMU reads those as a snapshot's ID).
fn parse_snapshot_name(s: &str) -> Result<String, String> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "._-+".contains(c);
    if s.is_empty() || !s.chars().all(plain) || s.starts_with('-') {
        return Err(format!(
            "`{s}` is not a snapshot name: use letters, digits and . _ - + (e.g. booted)"
        ));
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "`{s}`: QEMU reads a name of digits only as a snapshot ID; add a letter (e.g. s{s})"
        ));
    }
    Ok(s.to_string())
}

/// `lkmc gem5-stat`
#[derive(Debug, Clone, Args)]
pub struct Gem5StatArgs {
    /// Statistics to print (default: system.cpu.numCycles), as stats.txt
    /// names them.
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

/// `lkmc build`
#[derive(Debug, Clone, Args)]
#[command(after_help = "Targets: see `lkmc build --print-components`, or README.adoc.")]
pub struct BuildArgs {
    /// What to build. Default: qemu-linux (everything a QEMU Linux run needs)
    #[arg(value_name = "TARGET")]
    pub targets: Vec<String>,

    /// Install the host packages the targets need (apt-get), fetch guest
    /// packages and the kernel source, then build.
    #[arg(short = 'D', long)]
    pub download_dependencies: bool,

    /// Only install dependencies; build nothing.
    #[arg(long)]
    pub dependencies_only: bool,

    /// Print the components the targets resolve to, in build order, and stop.
    #[arg(long)]
    pub print_components: bool,

    /// Rebuild even what is up to date.
    #[arg(long)]
    pub force_rebuild: bool,

    /// Remove the build output of the targets instead of building.
    #[arg(long)]
    pub clean: bool,

    /// Modules: build against the running host kernel's headers
    /// (/lib/modules/$(uname -r)/build), into kernel_modules_build_host_dir.
    #[arg(long)]
    pub host: bool,

    /// gem5: build with Ruby (the CHI protocol), as gem5's own
    /// build_opts/ARM does; lkmc's default leaves Ruby out (much quicker to
    /// build; its runs use the classic memory system).
    #[arg(long)]
    pub gem5_ruby: bool,

    /// Userland: optimization level (-O).
    #[arg(long, value_name = "LEVEL", default_value = "0")]
    pub optimization_level: String,

    /// Userland: extra compiler flags (shell words).
    #[arg(long, value_name = "FLAGS", allow_hyphen_values = true)]
    pub ccflags: Option<String>,

    /// Kernel: base config from a make target of the kernel (e.g. defconfig,
    /// tinyconfig) instead of lkmc's small default; lkmc's fragments are
    /// still merged on top.
    #[arg(long, value_name = "TARGET")]
    pub linux_defconfig: Option<String>,

    /// Kernel: the config of this make target of the kernel (defconfig,
    /// tinyconfig, multi_v7_defconfig, ...) instead of lkmc's: lkmc's
    /// fragments are left out, yours (--config-fragment, --config) are
    /// merged on top, as the original did.
    #[arg(long, value_name = "TARGET", conflicts_with_all = ["linux_defconfig", "custom_config_file"])]
    pub custom_config_target: Option<String>,

    /// Kernel: build with the build dir's .config as it is (after your own
    /// `make menuconfig` there, say): no base, no fragments, no olddefconfig.
    #[arg(long)]
    pub no_configure: bool,

    /// Kernel: one more option, CONFIG_NAME=value; repeatable.
    #[arg(long = "config", value_name = "CONFIG_X=y")]
    pub config: Vec<String>,

    /// Kernel: one more config fragment file, merged last; repeatable.
    #[arg(long, value_name = "FILE")]
    pub config_fragment: Vec<PathBuf>,

    /// Kernel: use this .config as it is; no base, no fragments.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["linux_defconfig", "config", "config_fragment"])]
    pub custom_config_file: Option<PathBuf>,

    /// Kernel: build the root filesystem's cpio into the image
    /// (CONFIG_INITRAMFS_SOURCE), for `lkmc run --initramfs`. Build the
    /// rootfs first; best under its own --linux-build-id.
    #[arg(long, conflicts_with = "custom_config_file")]
    pub initramfs: bool,

    /// Kernel (--linux-which distro): the Debian package of the kernel, a
    /// metapackage (linux-image-arm64, linux-image-cloud-amd64,
    /// linux-image-armmp-lpae) or one kernel (linux-image-6.1.0-57-arm64).
    /// Default: linux-image-FLAVOUR (amd64, armmp, arm64), the newest
    #[arg(long, value_name = "PKG")]
    pub linux_distro_package: Option<String>,

    /// Kernel (--linux-which distro): also fetch its -dbg package (about
    /// 800 MB) for the vmlinux with symbols that `lkmc gdb` loads.
    #[arg(long)]
    pub linux_distro_dbg: bool,

    /// Buildroot: one more option, BR2_NAME=value (or `# BR2_NAME is not
    /// set`); repeatable, merged last.
    #[arg(long, value_name = "BR2_X=y")]
    pub buildroot_config: Vec<String>,

    /// Buildroot: one more config fragment file, merged after lkmc's;
    /// repeatable.
    #[arg(long, value_name = "FILE")]
    pub buildroot_config_fragment: Vec<PathBuf>,

    /// Buildroot: where package sources are downloaded to (BR2_DL_DIR),
    /// shared by every arch and build id. Default: out/buildroot/download
    #[arg(long, value_name = "DIR")]
    pub buildroot_dl_dir: Option<PathBuf>,

    /// Buildroot: a mirror tried first for every source download
    /// (BR2_PRIMARY_SITE): http://, https://, ftp://, scp:// or file://.
    #[arg(long, value_name = "URL")]
    pub buildroot_primary_site: Option<String>,

    /// Buildroot: build package PKG from your tree DIR instead of its
    /// download (Buildroot's <PKG>_OVERRIDE_SRCDIR, in local.mk); repeatable.
    #[arg(long, value_name = "PKG=DIR")]
    pub buildroot_override: Vec<String>,

    /// lkmc's rootfs: one more Debian package of the guest's arch, with the
    /// dependencies it needs, downloaded and unpacked into the image (e.g.
    /// strace, gdb, python3-minimal); repeatable.
    #[arg(long, value_name = "NAME")]
    pub guest_package: Vec<String>,

    /// Extra arguments after `--`: for make (kernel, modules), gem5's scons,
    /// QEMU's configure, or crosstool-NG's `ct-ng build`.
    #[arg(last = true, value_name = "MAKE_ARGS")]
    pub extra_make_args: Vec<String>,
}

/// `lkmc run`
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Guest CPUs.
    #[arg(short = 'c', long, value_name = "N", default_value_t = DEFAULT_CPUS,
          value_parser = clap::value_parser!(u32).range(1..=64))]
    pub cpus: u32,

    /// Guest RAM, in QEMU's syntax (256M, 1G).
    #[arg(short = 'm', long, value_name = "SIZE", default_value = DEFAULT_MEMORY, value_parser = parse_memory)]
    pub memory: String,

    /// Extra kernel command line words, before the ` - ` separator.
    #[arg(long, value_name = "ARGS", allow_hyphen_values = true)]
    pub kernel_cli: Option<String>,

    /// Extra words after the ` - ` separator: environment for init.
    #[arg(long, value_name = "ARGS", allow_hyphen_values = true)]
    pub kernel_cli_after_dash: Option<String>,

    /// Run this shell command as the guest's job, then power off; lkmc exits
    /// with its exit status.
    #[arg(short = 'E', long, value_name = "CMD", conflicts_with = "eval_after")]
    pub eval: Option<String>,

    /// Run this shell command once booted, then give the shell.
    #[arg(short = 'F', long, value_name = "CMD")]
    pub eval_after: Option<String>,

    /// An oops panics the guest (the kernel's oops=panic): the run ends at
    /// the first oops and lkmc reports the crash. `lkmc test` runs so.
    /// Without it an oops kills only the task that hit it and your shell
    /// goes on (lkmc still reports it when the run ends).
    #[arg(long)]
    pub oops_panic: bool,

    /// Power off as soon as init starts (boot benchmarks).
    #[arg(long, conflicts_with_all = ["eval", "eval_after"])]
    pub quit_after_boot: bool,

    /// Use KVM (needs /dev/kvm and a guest arch equal to the host's).
    #[arg(short = 'K', long)]
    pub kvm: bool,

    /// Stop the CPU at the first instruction and wait for GDB on the run's port.
    #[arg(long)]
    pub gdb_wait: bool,

    /// Debug from the start: --gdb-wait, plus `lkmc gdb` in a tmux split
    /// breaking at start_kernel (or main with --userland).
    #[arg(long, conflicts_with = "tmux_program")]
    pub gdb: bool,

    /// Open --tmux-program in a tmux split beside the emulator, without
    /// stopping the guest (--gdb does that too).
    #[arg(short = 't', long)]
    pub tmux: bool,

    /// What --tmux opens: gdb (`lkmc gdb` of the run; the default on QEMU)
    /// or shell (QEMU's monitor, `lkmc qemu-monitor`; gem5's console,
    /// `lkmc gem5-shell`, the default on gem5). Implies --tmux.
    #[arg(long, value_enum, value_name = "PROGRAM")]
    pub tmux_program: Option<TmuxProgram>,

    /// Arguments for the `lkmc gdb` of the split, instead of --gdb's
    /// default break (shell words, e.g. 'do_sys_open --no-lxsymbols').
    /// Implies --tmux.
    #[arg(long, value_name = "ARGS", allow_hyphen_values = true)]
    pub tmux_args: Option<String>,

    /// Wait for KGDB at boot on the guest's second serial port (x86_64);
    /// connect with `lkmc gdb --kgdb`.
    #[arg(long, conflicts_with = "kdb")]
    pub kgdb: bool,

    /// Drop into KDB, the kernel's own debugger, on the console at boot.
    #[arg(long)]
    pub kdb: bool,

    /// Show the guest's display in a window, beside the serial console (on
    /// arm and aarch64: QEMU's virtio-gpu and keyboard, which need a kernel
    /// built with configs/linux/graphic.config).
    #[arg(long)]
    pub graphic: bool,

    /// Serve the guest's display over VNC on :0 (a machine without a
    /// display of its own); as --graphic, arm and aarch64 need a kernel
    /// built with configs/linux/graphic.config.
    #[arg(long)]
    pub vnc: bool,

    /// Send the console to the run dir's background.log instead of the terminal.
    #[arg(long)]
    pub background: bool,

    /// Boot the cpio initramfs with QEMU's -initrd instead of the disk image.
    #[arg(long, conflicts_with = "initramfs")]
    pub initrd: bool,

    /// Boot the initramfs built into the kernel image (a kernel built with
    /// `lkmc build linux --initramfs`), with no disk.
    #[arg(long)]
    pub initramfs: bool,

    /// Record the run for deterministic replay (QEMU record/replay, into
    /// the run dir's rrfile). The 9P shares are left out: host file access
    /// cannot be replayed.
    #[arg(long, conflicts_with_all = ["replay", "kvm", "disk_persist"])]
    pub record: bool,

    /// Replay the run recorded with --record under the same run id; give
    /// the same options as the recording.
    #[arg(long, conflicts_with_all = ["kvm", "disk_persist"])]
    pub replay: bool,

    /// Keep the guest's writes to the disk image (default: a snapshot, the
    /// image stays as built).
    #[arg(long)]
    pub disk_persist: bool,

    /// Ctrl-C kills QEMU (default: Ctrl-C goes to the guest; Ctrl-A X quits).
    #[arg(long)]
    pub ctrl_c_host: bool,

    /// QEMU trace events (comma separated), written to the run dir's trace.bin.
    #[arg(short = 'T', long, value_name = "EVENTS")]
    pub trace: Option<String>,

    /// Print every instruction block QEMU translates (-d in_asm).
    #[arg(long)]
    pub trace_insts_stdout: bool,

    /// Echo the emulator's output to the terminal (the default; undoes a
    /// config file's no-show-stdout = true).
    #[arg(long, overrides_with = "no_show_stdout")]
    pub show_stdout: bool,

    /// Do not echo the emulator's output to the terminal; it still goes to
    /// the run dir's termout.txt (lkmc getvar termout_file), and lkmc
    /// still reads it for the exit status and crashes.
    #[arg(long, overrides_with = "show_stdout")]
    pub no_show_stdout: bool,

    /// Boot with this device tree blob instead of the board's own (QEMU
    /// -dtb); refused if it is not one (no d00dfeed magic).
    #[arg(long, value_name = "FILE")]
    pub dtb: Option<PathBuf>,

    /// QEMU board (-machine NAME, e.g. virt,gic-version=3 or q35) instead of
    /// the arch's default (pc on x86_64, virt on arm and aarch64; arm adds
    /// highmem=off). `-machine help` of the QEMU lists them.
    #[arg(long, value_name = "NAME")]
    pub machine: Option<String>,

    /// Stop the guest after this many seconds and fail.
    #[arg(long, value_name = "SECONDS", value_parser = parse_timeout)]
    pub timeout: Option<u64>,

    /// Build what the run needs first (`lkmc build` for this arch).
    #[arg(long)]
    pub build: bool,

    /// Run QEMU itself under GDB (`gdb --args qemu-system-ARCH ...`),
    /// stopping where it translates a block (tb_gen_code) unless
    /// --debug-vm-ex says otherwise. Best with --qemu-which lkmc
    /// --qemu-build-type debug.
    #[arg(long)]
    pub debug_vm: bool,

    /// GDB commands for --debug-vm, `;`-separated, each one `-ex`, instead
    /// of the default break and run. Implies --debug-vm.
    #[arg(long, value_name = "CMDS", allow_hyphen_values = true)]
    pub debug_vm_ex: Option<String>,

    /// More arguments for the GDB of --debug-vm (shell words). Implies
    /// --debug-vm.
    #[arg(long, value_name = "ARGS", allow_hyphen_values = true)]
    pub debug_vm_args: Option<String>,

    /// A GDB script for --debug-vm (`-ex 'source FILE'`). Implies --debug-vm.
    #[arg(long, value_name = "FILE")]
    pub debug_vm_file: Option<PathBuf>,

    /// Run this userland program (source under userland/, a source file
    /// anywhere, or an executable) in QEMU user mode, or on the host with
    /// --emulator native, instead of booting. Sources are built first.
    /// Repeat it to run several side by side, one per CPU, in gem5's
    /// syscall emulation (QEMU user mode runs one program a process).
    #[arg(short = 'u', long, value_name = "PATH")]
    pub userland: Vec<PathBuf>,

    /// The kernel release the --userland program sees (uname -r; glibc
    /// refuses to start under a release older than it was built for): QEMU
    /// user mode's -r, gem5's syscall emulation's release. Default: the
    /// host's (QEMU), gem5's own
    #[arg(long, value_name = "VERSION", requires = "userland", value_parser = parse_kernel_version)]
    pub kernel_version: Option<String>,

    /// Boot this kernel instead of lkmc's build: the arch's image
    /// (bzImage, zImage, Image; on x86_64 also a PVH vmlinux) for QEMU, a
    /// vmlinux for gem5; checked to be one before anything starts. `lkmc
    /// gdb` still reads lkmc's vmlinux.
    #[arg(long, value_name = "FILE")]
    pub linux_exec: Option<PathBuf>,

    /// Boot this root filesystem image (qcow2, or a raw ext2/3/4 image)
    /// instead of lkmc's. The guest's writes go to a snapshot: lkmc never
    /// writes to it (so no --disk-persist).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["initrd", "initramfs"])]
    pub disk_image: Option<PathBuf>,

    /// Run this baremetal image (a source under baremetal/ or a baremetal
    /// userland example, built first, or an .elf) on the bare CPU of QEMU's
    /// board instead of booting Linux; lkmc exits with the program's status.
    #[arg(short = 'b', long, value_name = "PATH", conflicts_with = "userland")]
    pub baremetal: Option<PathBuf>,

    /// Arguments for the --userland program or the --baremetal image
    /// (shell words; a baremetal image gets them through a blob QEMU loads
    /// into its RAM).
    #[arg(long, value_name = "ARGS", allow_hyphen_values = true)]
    pub cli_args: Option<String>,

    /// File fed to the --userland program's stdin.
    #[arg(long, value_name = "FILE", requires = "userland")]
    pub stdin_file: Option<PathBuf>,

    #[command(flatten)]
    pub gem5: Gem5RunArgs,

    /// Extra emulator arguments, after `--`.
    #[arg(last = true, value_name = "EMULATOR_ARGS")]
    pub extra_emulator_args: Vec<String>,
}

/// What `lkmc run --tmux` opens in its split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TmuxProgram {
    /// `lkmc gdb` of the run
    Gdb,
    /// the emulator's own: QEMU's monitor, gem5's console
    Shell,
}

/// gem5's CPU models, as `--cpu-type` names them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CpuType {
    /// AtomicSimpleCPU: one instruction per tick, atomic memory; the fastest (boots)
    #[default]
    Atomic,
    /// TimingSimpleCPU: in order, with memory timing
    Timing,
    /// MinorCPU: in-order pipeline
    Minor,
    /// O3CPU: out-of-order pipeline; the slowest and most detailed
    O3,
}

/// `lkmc run` options that only gem5 takes (QEMU refuses them).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "gem5 options")]
pub struct Gem5RunArgs {
    /// gem5's CPU model. With --gem5-restore, the model the run goes on with
    /// after the restore (fs.py restores on the atomic CPU and switches).
    #[arg(long, value_enum, value_name = "MODEL")]
    pub cpu_type: Option<CpuType>,

    /// L1 and L2 caches (fs.py's --caches --l2cache); timing CPUs need them to
    /// model memory latency.
    #[arg(long)]
    pub caches: bool,

    /// gem5 options before the config script (shell words, e.g.
    /// '--debug-start 1000 --stats-file s.txt').
    #[arg(long, value_name = "ARGS", allow_hyphen_values = true)]
    pub gem5_exe_args: Option<String>,

    /// Start from the N-th most recent checkpoint of this run id's m5out
    /// (taken with `m5 checkpoint` in the guest; 1 is the latest).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub gem5_restore: Option<u32>,

    /// The text the guest reads with `m5 readfile` (/lkmc/gem5.sh runs it
    /// after a checkpoint: boot once, restore and run another command).
    #[arg(long, value_name = "TEXT")]
    pub gem5_readfile: Option<String>,

    /// gem5 debug output (--trace FLAGS) on the terminal instead of
    /// m5out/trace.txt.
    #[arg(long)]
    pub trace_stdout: bool,
}

/// A guest memory size as QEMU and gem5 take it: a number with an optional
/// K, M, G or T suffix (QEMU reads a bare number as MiB).
fn parse_memory(s: &str) -> Result<String, String> {
    let digits = s.trim_end_matches(['K', 'M', 'G', 'T', 'k', 'm', 'g', 't']);
    let suffix = &s[digits.len()..];
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || suffix.len() > 1 {
        return Err(format!(
            "`{s}` is not a memory size: use a number with K, M, G or T, e.g. 512M or 2G"
        ));
    }
    if digits.parse::<u64>().map_or(true, |n| n == 0) {
        return Err(format!("`{s}`: the guest needs some memory"));
    }
    Ok(s.to_string())
}

/// A build id names a directory under out/: one plain name, so that no
/// build dir (and no `--clean` of it) can reach outside its parent.
fn parse_build_id(s: &str) -> Result<String, String> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "._-+".contains(c);
    if s.is_empty() || s.starts_with('.') || !s.chars().all(plain) {
        return Err(format!(
            "`{s}` is not a build id: use letters, digits and . _ - + (not first: .)"
        ));
    }
    Ok(s.to_string())
}

/// A kernel release as `uname -r` prints it: 6.1.0, 5.9.2-lkmc.
fn parse_kernel_version(s: &str) -> Result<String, String> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "._+-~".contains(c);
    let numbers = s.split(['-', '+', '~']).next().unwrap_or_default();
    let parts: Vec<&str> = numbers.split('.').collect();
    let numeric = parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !s.chars().all(plain) || !numeric {
        return Err(format!(
            "`{s}` is not a kernel release: MAJOR.MINOR[.PATCH][-EXTRA], e.g. 6.1.0 or 5.9.2"
        ));
    }
    Ok(s.to_string())
}

fn parse_timeout(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(0) => Err("must be at least 1 second".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// `lkmc gdb`
#[derive(Debug, Clone, Args)]
pub struct GdbArgs {
    /// Where to break: a symbol, FILE:LINE or *ADDRESS.
    #[arg(value_name = "BREAK")]
    pub break_at: Option<String>,

    /// Stop at the first instruction instead of continuing.
    #[arg(long)]
    pub no_continue: bool,

    /// Do not load module symbols with lx-symbols.
    #[arg(long)]
    pub no_lxsymbols: bool,

    /// Debug this userland program in QEMU user mode (started with
    /// `lkmc run --userland PATH --gdb-wait`) instead of the kernel.
    #[arg(short = 'u', long, value_name = "PATH")]
    pub userland: Option<PathBuf>,

    /// Debug this baremetal image (started with `lkmc run --baremetal PATH
    /// --gdb-wait`) instead of the kernel.
    #[arg(short = 'b', long, value_name = "PATH", conflicts_with_all = ["userland", "kgdb"])]
    pub baremetal: Option<PathBuf>,

    /// With --userland: debug the program under gdbserver in the full-system
    /// guest (started there with `/lkmc/gdbserver.sh PROGRAM`), through the
    /// run id's forwarded port.
    #[arg(long, requires = "userland")]
    pub gdbserver: bool,

    /// Connect through KGDB on the guest's second serial port (x86_64).
    #[arg(long, conflicts_with = "userland")]
    pub kgdb: bool,

    /// GDB arguments placed before lkmc's own (shell words).
    #[arg(long, value_name = "ARGS", allow_hyphen_values = true)]
    pub before: Option<String>,

    /// Extra GDB arguments, after `--`.
    #[arg(last = true, value_name = "GDB_ARGS")]
    pub extra_gdb_args: Vec<String>,
}

/// `lkmc test`
#[derive(Debug, Clone, Args)]
#[command(after_help = format!("Suites:\n{}", suites_help()))]
pub struct TestArgs {
    /// Suites to run (default: all of them, listed below), then, after a
    /// single suite, what to test of it: module names, or source files and
    /// directories.
    #[arg(value_name = "SUITE|ITEM")]
    pub suites: Vec<String>,

    /// Also write the cases as JUnit XML (one testcase per case, with its
    /// suite, arch, emulator, time, and for a failure the reason and the
    /// command that reruns it), for CI systems.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,

    /// Also write the cases as JSON lines, one object per case, each as it
    /// finishes (a killed run keeps what it had).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,

    /// Write each case's time (seconds, a tab, the case), slowest first.
    /// An existing FILE is read first: --shard balances by its times, and
    /// the cases this run leaves out keep theirs.
    #[arg(long, value_name = "FILE")]
    pub durations: Option<PathBuf>,

    /// Print the id of every case that would run (after --filter and
    /// --shard), one a line, and run nothing.
    #[arg(long)]
    pub list: bool,

    /// Run only the cases whose id contains PATTERN (a plain substring, as
    /// --list prints ids); repeat to run the cases matching any.
    #[arg(long, value_name = "PATTERN")]
    pub filter: Vec<String>,

    /// Run the K-th of N deterministic parts of the cases (1 <= K <= N),
    /// balanced by the times of --durations FILE when it exists; the N
    /// parts together are exactly the whole run.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
}

/// `--shard K/N`: the K-th (from 1) of N parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    let bad = || format!("`{s}` is not K/N: two whole numbers with 1 <= K <= N, like 2/4");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (index, count): (u32, u32) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if index == 0 || count == 0 || index > count {
        return Err(format!(
            "`{s}`: shards count from 1 to N (here {}); the N runs --shard 1/N ... N/N \
             together run every case",
            count.max(1)
        ));
    }
    Ok(Shard { index, count })
}

/// What the user sees of one `lkmc test` suite; `test::SUITES` adds its
/// cases, row for row.
pub struct SuiteInfo {
    pub name: &'static str,
    /// One line for the user.
    pub about: &'static str,
    /// It takes a list of what to test, named right after it.
    pub takes_items: bool,
}

/// Every suite of `lkmc test`, in the order it runs them.
pub const SUITES: &[SuiteInfo] = &[
    SuiteInfo {
        name: "boot",
        about: "boot each arch; exit statuses, panics, 9P, run ids",
        takes_items: false,
    },
    SuiteInfo {
        name: "modules",
        about: "every kernel module's test in the guest; crashers in fresh guests",
        takes_items: true,
    },
    SuiteInfo {
        name: "userland",
        about: "every userland example in QEMU user mode, checked against its properties",
        takes_items: true,
    },
    SuiteInfo {
        name: "userland-full-system",
        about: "the userland examples again, inside the booted guest",
        takes_items: true,
    },
    SuiteInfo {
        name: "gdb",
        about: "GDB on the kernel (start_kernel, a syscall), a userland program, KGDB",
        takes_items: false,
    },
    SuiteInfo {
        name: "faults",
        about: "Ctrl-C of a build and of a run, QEMU killed from outside: exit statuses, recovery",
        takes_items: false,
    },
    SuiteInfo {
        name: "baremetal",
        about: "every baremetal image (arm, aarch64) in QEMU, its exit status; GDB on one",
        takes_items: true,
    },
    SuiteInfo {
        name: "gem5",
        about: "gem5 runs (arm, aarch64): boot, panic, checkpoint and restore (atomic, O3), \
                trace, stats, syscall emulation, GDB; skipped where gem5 is not built",
        takes_items: false,
    },
    SuiteInfo {
        name: "tools",
        about: "run-toolchain, and trace2line of a program traced in QEMU user mode",
        takes_items: false,
    },
    SuiteInfo {
        name: "monitor",
        about: "qemu-monitor and snapshot on a guest in the background: savevm, loadvm with \
                count.sh (the count goes back), a missing snapshot, quit; no guest refused",
        takes_items: false,
    },
];

/// The suite table for the user, one suite and its description an entry.
pub fn suites_help() -> String {
    SUITES
        .iter()
        .map(|s| {
            let items = if s.takes_items { " [ITEM...]" } else { "" };
            format!("  {}{items}\n        {}", s.name, s.about)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `lkmc getvar`
#[derive(Debug, Clone, Args)]
pub struct GetvarArgs {
    /// Print only this variable's value.
    #[arg(value_name = "NAME")]
    pub name: Option<String>,

    /// Print all variables as one JSON object.
    #[arg(long, conflicts_with = "name")]
    pub json: bool,

    /// List the variable names, each with what it is; the names of the
    /// original lkmc's README that lkmc calls otherwise are listed with
    /// the name they stand for (both work).
    #[arg(long, conflicts_with_all = ["name", "json"])]
    pub list: bool,
}

/// `lkmc run-toolchain`
#[derive(Debug, Clone, Args)]
pub struct RunToolchainArgs {
    /// The tool, without the toolchain's prefix: readelf, objdump, gcc,
    /// gdb, nm, addr2line, ...
    #[arg(value_name = "TOOL")]
    pub tool: String,

    /// Print the tool's path (or name looked up in PATH) and run nothing.
    #[arg(long)]
    pub print_tool: bool,

    /// The tool's arguments, after `--`.
    #[arg(last = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

/// `lkmc trace2line`
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Make a trace with `lkmc run --trace-insts-stdout` (the run's termout.txt) \
or `lkmc run --trace exec_tb` (its trace.txt); then, for the same arch and run id, \
`lkmc trace2line` (the kernel) or `lkmc trace2line --userland PROG`."
)]
pub struct Trace2lineArgs {
    /// The trace: QEMU's -d in_asm output, or exec_tb trace lines. Default:
    /// the last run's, in its run dir (trace.txt of --trace if newer than
    /// termout.txt, else termout.txt)
    #[arg(value_name = "FILE")]
    pub trace: Option<PathBuf>,

    /// The traced userland program (a source under userland/ or an
    /// executable), instead of the kernel's vmlinux.
    #[arg(short = 'u', long, value_name = "PATH")]
    pub userland: Option<PathBuf>,

    /// Where the program was loaded (its load bias, hex). Default: 0 for a
    /// fixed-address ELF; for a position-independent one, worked out from
    /// the function names of -d in_asm
    #[arg(long, value_name = "ADDR", value_parser = parse_hex)]
    pub load_bias: Option<u64>,

    /// Print every address, not only where the source line changes.
    #[arg(long)]
    pub no_collapse: bool,
}

/// A hex address, with or without 0x.
fn parse_hex(s: &str) -> Result<u64, String> {
    u64::from_str_radix(s.trim_start_matches("0x"), 16)
        .map_err(|e| format!("`{s}` is not a hex address: {e}"))
}

/// `lkmc doctor`
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Exit status 1 when the default workflow (lkmc build && lkmc run, \
                        x86_64) cannot run here as the machine is."
)]
pub struct DoctorArgs {
    /// Print the checks as one JSON object, for scripts.
    #[arg(long)]
    pub json: bool,
}

/// `lkmc completions`
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to print completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
