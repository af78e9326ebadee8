//! Turn argv and `lkmc.toml` into one typed `Config`.
//!
//! Precedence: command line, then the config file's `[subcommand]` table,
//! then its top level, then the built-in default. The file's keys are the
//! long option names (`linux-build-id = "debug"`), so there is no second list
//! of options to keep in sync: a file value is checked by the same clap
//! parser as the command line, by re-parsing argv with the file's values
//! inserted as options the user did not type.
//!
//! This file owns `Config` and its resolution; `file.rs` reads lkmc.toml,
//! `args.rs` writes a `Config` back as arguments.

mod args;
mod file;

pub use file::parse_args;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::Common;
use crate::error::UsageError;
use crate::facts::provider::{GccWhich, Gem5BuildType, LinuxWhich, QemuBuildType, QemuWhich};
use crate::facts::rootfs::Rootfs;
use crate::facts::{Arch, Emulator};

/// Name of the config file looked for in the lkmc checkout.
pub const CONFIG_BASENAME: &str = "lkmc.toml";

/// Where the lkmc checkout is: `LKMC_ROOT`; else the checkout the current
/// directory is in; else the tree this binary was built from. The middle rule
/// lets one installed binary serve several clones (and a moved clone) without
/// reinstalling.
pub fn root_dir() -> PathBuf {
    if let Some(root) = std::env::var_os("LKMC_ROOT") {
        return PathBuf::from(root);
    }
    let enclosing = std::env::current_dir().ok().and_then(|cwd| {
        cwd.ancestors()
            .find(|d| is_checkout(d))
            .map(Path::to_path_buf)
    });
    let root = enclosing.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    tracing::debug!(root = %root.display(), "checkout");
    root
}

/// Fails with a usage error when `root_dir()` is not an lkmc checkout, which
/// happens when the clone a binary was installed from has been moved away.
pub fn check_root() -> Result<()> {
    let root = root_dir();
    if is_checkout(&root) {
        return Ok(());
    }
    Err(UsageError(format!(
        "{} is not an lkmc checkout (no configs/sources.toml there); \
         run lkmc from inside your clone, or set LKMC_ROOT=/path/to/clone",
        root.display()
    ))
    .into())
}

/// A directory is an lkmc checkout when it has our pins file and a cargo
/// manifest naming this package.
fn is_checkout(dir: &Path) -> bool {
    dir.join("configs/sources.toml").is_file()
        && std::fs::read_to_string(dir.join("Cargo.toml"))
            .is_ok_and(|m| m.lines().any(|l| l.trim() == "name = \"lkmc\""))
}

/// Build ids: several builds of one component side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildIds {
    pub linux: String,
    pub buildroot: String,
    pub userland: String,
    pub qemu: String,
    pub gem5: String,
    pub crosstool_ng: String,
}

/// The resolved settings for one arch: everything `Paths` and the planners read.
#[derive(Clone, Debug)]
pub struct Config {
    /// The lkmc checkout.
    pub root: PathBuf,
    /// Where generated files go.
    pub out_dir: PathBuf,
    /// The arch being acted on now.
    pub arch: Arch,
    pub emulator: Emulator,
    pub dry_run: bool,
    pub print_cmd_oneline: bool,
    pub verbose: bool,
    pub quiet: bool,
    pub build_ids: BuildIds,
    pub linux_source_dir: PathBuf,
    /// lkmc's kernel build, or the distro's packaged kernel.
    pub linux_which: LinuxWhich,
    pub rootfs: Rootfs,
    pub gem5_source_dir: PathBuf,
    pub buildroot_source_dir: PathBuf,
    /// A gem5 build of the user's, run as it is (None: lkmc's own).
    pub gem5_build_dir: Option<PathBuf>,
    pub gem5_build_type: Gem5BuildType,
    pub run_id: u16,
    /// `--port-offset`: the block of ports to use instead of the run id's.
    pub port_offset: Option<u16>,
    pub gcc_which: GccWhich,
    pub qemu_which: QemuWhich,
    pub qemu_source_dir: PathBuf,
    pub qemu_build_type: QemuBuildType,
    pub crosstool_ng_source_dir: PathBuf,
    /// CT_LOCAL_TARBALLS_DIR (None: the default under out/).
    pub crosstool_ng_download_dir: Option<PathBuf>,
    pub nproc: u32,
    /// Link userland programs statically.
    pub static_userland: bool,
    /// Build userland programs next to their sources.
    pub in_tree: bool,
    /// The config file that was read, if any.
    pub config_file: Option<PathBuf>,
}

impl Config {
    /// Which block of ports the run uses: `--port-offset`, else the run id
    /// (as in the original), so that runs with different ids never clash.
    pub fn port_block(&self) -> u16 {
        self.port_offset.unwrap_or(self.run_id)
    }

    /// One `Config` per arch the user asked for, in order.
    pub fn resolve(common: &Common, config_file: Option<PathBuf>) -> Vec<Config> {
        let root = root_dir();
        let archs: Vec<Arch> = if common.all_archs {
            Arch::ALL.to_vec()
        } else if common.arch.is_empty() {
            vec![Arch::X86_64]
        } else {
            let mut v = common.arch.clone();
            v.dedup();
            v
        };
        let id = |v: &Option<String>| v.clone().unwrap_or_else(|| "default".to_string());
        let abs = |p: &Path| {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            }
        };
        let out_dir = common
            .out_dir
            .as_deref()
            .map(abs)
            .unwrap_or_else(|| root.join("out"));
        let linux_source_dir = common
            .linux_source_dir
            .as_deref()
            .map(abs)
            .unwrap_or_else(|| root.join("submodules").join("linux"));
        let gem5_source_dir = common
            .gem5_source_dir
            .as_deref()
            .map(abs)
            .unwrap_or_else(|| root.join("submodules").join("gem5"));
        let gem5_build_dir = common.gem5_build_dir.as_deref().map(abs);
        let submodule = |given: &Option<PathBuf>, name: &str| {
            given
                .as_deref()
                .map(abs)
                .unwrap_or_else(|| root.join("submodules").join(name))
        };
        let qemu_source_dir = submodule(&common.qemu_source_dir, "qemu");
        let crosstool_ng_source_dir = submodule(&common.crosstool_ng_source_dir, "crosstool-ng");
        let crosstool_ng_download_dir = common.crosstool_ng_download_dir.as_deref().map(abs);
        let buildroot_source_dir = submodule(&common.buildroot_source_dir, "buildroot");
        let nproc = common.nproc.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get() as u32)
                .unwrap_or(1)
        });
        archs
            .into_iter()
            .map(|arch| Config {
                root: root.clone(),
                out_dir: out_dir.clone(),
                arch,
                emulator: common.emulator.unwrap_or(Emulator::Qemu),
                dry_run: common.dry_run,
                print_cmd_oneline: common.print_cmd_oneline,
                verbose: common.verbose,
                quiet: common.quiet,
                build_ids: BuildIds {
                    linux: id(&common.linux_build_id),
                    buildroot: id(&common.buildroot_build_id),
                    userland: common.userland_build_id.clone().unwrap_or_else(|| {
                        if common.static_userland {
                            "static"
                        } else {
                            "default"
                        }
                        .to_string()
                    }),
                    qemu: id(&common.qemu_build_id),
                    gem5: id(&common.gem5_build_id),
                    crosstool_ng: id(&common.crosstool_ng_build_id),
                },
                linux_source_dir: linux_source_dir.clone(),
                linux_which: common.linux_which.unwrap_or(LinuxWhich::Lkmc),
                rootfs: common.rootfs.unwrap_or(Rootfs::Lkmc),
                gem5_source_dir: gem5_source_dir.clone(),
                gem5_build_dir: gem5_build_dir.clone(),
                buildroot_source_dir: buildroot_source_dir.clone(),
                gem5_build_type: common.gem5_build_type.unwrap_or(Gem5BuildType::Opt),
                run_id: common.run_id.unwrap_or(0),
                port_offset: common.port_offset,
                gcc_which: common.gcc_which.unwrap_or(GccWhich::Host),
                qemu_which: common.qemu_which.unwrap_or(QemuWhich::Host),
                qemu_source_dir: qemu_source_dir.clone(),
                qemu_build_type: common.qemu_build_type.unwrap_or(QemuBuildType::Opt),
                crosstool_ng_source_dir: crosstool_ng_source_dir.clone(),
                crosstool_ng_download_dir: crosstool_ng_download_dir.clone(),
                nproc,
                static_userland: common.static_userland,
                in_tree: common.in_tree,
                config_file: config_file.clone(),
            })
            .collect()
    }
}
