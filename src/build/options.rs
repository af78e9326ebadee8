//! What `lkmc build`'s flags mean, resolved once: the raw clap struct
//! (`cli::BuildArgs`) becomes a `Request` (what to do) carrying
//! `BuildOptions` (how), with every value checked here, where it was typed.
//! Builders take `BuildOptions`; internal callers (`lkmc run --build`, the
//! builds behind `--userland PATH`, the test suites) use `Default`.
//!
//! Whether an option applies to the targets being built is checked here
//! too, so that none is silently ignored. What the options do is up to
//! each builder.

use std::path::PathBuf;

use anyhow::Result;

use crate::build::Target;
use crate::cli::BuildArgs;
use crate::error::UsageError;

/// How components are built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildOptions {
    /// Rebuild even what is up to date.
    pub force_rebuild: bool,
    pub kernel: KernelOptions,
    /// Modules against the running host kernel's headers.
    pub host: bool,
    /// Userland and baremetal `-O` level.
    pub optimization_level: String,
    /// Userland and baremetal extra compiler flags, already split.
    pub ccflags: Vec<String>,
    /// Words after `--`, for the one make that runs (kernel or modules),
    /// gem5's scons, QEMU's configure or `ct-ng build`.
    pub make_args: Vec<String>,
    /// gem5 with Ruby (and the CHI protocol), as gem5's own build_opts/ARM.
    pub gem5_ruby: bool,
    pub buildroot: BuildrootOptions,
    /// `--linux-distro-package`: the distro kernel's package (None: the
    /// arch's metapackage).
    pub distro_package: Option<String>,
    /// `--linux-distro-dbg`: the distro kernel's -dbg vmlinux too.
    pub distro_dbg: bool,
    /// `--guest-package`: Debian packages for lkmc's own rootfs.
    pub guest_packages: Vec<String>,
    /// `--download-dependencies` or `--dependencies-only`: host packages
    /// first, so a source that cannot be had is refused later, by the build.
    pub installs_dependencies: bool,
}

/// What decides Buildroot's .config and downloads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildrootOptions {
    /// `BR2_X=y` lines (or `# BR2_X is not set`).
    pub config: Vec<String>,
    pub fragments: Vec<PathBuf>,
    /// BR2_DL_DIR instead of out/buildroot/download.
    pub dl_dir: Option<PathBuf>,
    /// BR2_PRIMARY_SITE.
    pub primary_site: Option<String>,
    /// `<PKG>_OVERRIDE_SRCDIR`: package name (as typed: `busybox`) and tree.
    pub overrides: Vec<(String, PathBuf)>,
}

impl BuildrootOptions {
    fn first_set(&self) -> Option<&'static str> {
        [
            (!self.config.is_empty(), "--buildroot-config"),
            (!self.fragments.is_empty(), "--buildroot-config-fragment"),
            (self.dl_dir.is_some(), "--buildroot-dl-dir"),
            (self.primary_site.is_some(), "--buildroot-primary-site"),
            (!self.overrides.is_empty(), "--buildroot-override"),
        ]
        .into_iter()
        .find_map(|(set, name)| set.then_some(name))
    }

    /// Check what was typed; paths become absolute.
    fn new(a: &BuildArgs) -> Result<BuildrootOptions> {
        let abs = |p: &std::path::Path| {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            }
        };
        for line in &a.buildroot_config {
            if crate::build::rootfs::buildroot::parse_config_line(line).is_none() {
                return Err(UsageError::new(format!(
                    "--buildroot-config {line:?}: not a Buildroot option; write BR2_NAME=value \
                     (BR2_PACKAGE_STRACE=y, BR2_TARGET_ROOTFS_EXT2_SIZE=\"1G\") or \
                     \"# BR2_NAME is not set\""
                ))
                .into());
            }
        }
        let mut overrides = Vec::new();
        for o in &a.buildroot_override {
            let (pkg, dir) = o.split_once('=').unwrap_or((o, ""));
            let valid = !pkg.is_empty()
                && pkg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid || dir.is_empty() {
                return Err(UsageError::new(format!(
                    "--buildroot-override {o:?}: write PKG=DIR, a Buildroot package name and \
                     your source tree of it (--buildroot-override busybox=$HOME/busybox)"
                ))
                .into());
            }
            overrides.push((pkg.to_string(), abs(std::path::Path::new(dir))));
        }
        Ok(BuildrootOptions {
            config: a.buildroot_config.clone(),
            fragments: a.buildroot_config_fragment.iter().map(|f| abs(f)).collect(),
            dl_dir: a.buildroot_dl_dir.as_deref().map(abs),
            primary_site: a.buildroot_primary_site.clone(),
            overrides,
        })
    }
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            force_rebuild: false,
            kernel: KernelOptions::default(),
            host: false,
            optimization_level: "0".into(),
            ccflags: vec![],
            make_args: vec![],
            gem5_ruby: false,
            buildroot: BuildrootOptions::default(),
            distro_package: None,
            distro_dbg: false,
            guest_packages: vec![],
            installs_dependencies: false,
        }
    }
}

/// What decides the kernel's .config.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KernelOptions {
    /// A kernel make target giving the base config (default tinyconfig).
    pub defconfig: Option<String>,
    /// `CONFIG_X=y` lines.
    pub config: Vec<String>,
    pub fragments: Vec<PathBuf>,
    /// The whole .config instead.
    pub custom_config_file: Option<PathBuf>,
    /// A kernel make target giving the whole base config instead of
    /// lkmc's: lkmc's fragments are left out.
    pub custom_config_target: Option<String>,
    /// The rootfs cpio built into the kernel.
    pub initramfs: bool,
    /// Build with the .config as it is: configure nothing.
    pub no_configure: bool,
}

impl KernelOptions {
    /// The options that decide the .config, each with whether it was given.
    fn configuring(&self) -> [(bool, &'static str); 6] {
        [
            (!self.config.is_empty(), "--config"),
            (!self.fragments.is_empty(), "--config-fragment"),
            (self.defconfig.is_some(), "--linux-defconfig"),
            (self.custom_config_file.is_some(), "--custom-config-file"),
            (
                self.custom_config_target.is_some(),
                "--custom-config-target",
            ),
            (self.initramfs, "--initramfs"),
        ]
    }

    /// The first kernel config option given, by its flag.
    pub fn first_set(&self) -> Option<&'static str> {
        self.configuring()
            .into_iter()
            .chain([(self.no_configure, "--no-configure")])
            .find_map(|(set, name)| set.then_some(name))
    }

    /// Check what was typed: the options that decide the .config, against
    /// --no-configure (which would leave them unused) and a config target
    /// lkmc can run.
    fn check(&self) -> Result<()> {
        if self.no_configure {
            let configuring = self.configuring();
            if let Some((_, option)) = configuring.iter().find(|(set, _)| *set) {
                return Err(UsageError::new(format!(
                    "--no-configure builds with the .config as it is, so {option} (which \
                     changes the .config) would be ignored; leave out one of them"
                ))
                .into());
            }
        }
        if let Some(t) = &self.custom_config_target {
            check_config_target(t)?;
        }
        Ok(())
    }
}

/// Kconfig's make targets that ask questions on a terminal; lkmc runs make
/// with its output in a log, where nobody can answer them.
const INTERACTIVE_CONFIG_TARGETS: &[&str] =
    &["config", "menuconfig", "nconfig", "xconfig", "gconfig"];

/// `--custom-config-target`: a make target that writes a .config
/// (`*config`, as defconfig, tinyconfig, allnoconfig, multi_v7_defconfig;
/// or a `*.config` fragment target such as kvm_guest.config), and not one
/// that needs a terminal.
fn check_config_target(t: &str) -> Result<()> {
    if INTERACTIVE_CONFIG_TARGETS.contains(&t) {
        return Err(UsageError::new(format!(
            "--custom-config-target {t}: `make {t}` asks its questions on a terminal, and lkmc \
             runs make with its output in a log.\nRun it yourself in the build dir (lkmc getvar \
             linux_build_dir), e.g. make -C submodules/linux O=BUILD_DIR ARCH=... {t}, then \
             build that .config with lkmc build linux --no-configure"
        ))
        .into());
    }
    let plain = |c: char| c.is_ascii_alphanumeric() || "_.-".contains(c);
    if t.is_empty() || t.starts_with('-') || !t.chars().all(plain) || !t.ends_with("config") {
        return Err(UsageError::new(format!(
            "--custom-config-target {t:?}: not a kernel config make target; give one that \
             writes a .config, e.g. defconfig, tinyconfig, allnoconfig or multi_v7_defconfig \
             (make help in the kernel tree lists them)"
        ))
        .into());
    }
    Ok(())
}

/// `--linux-distro-package`, checked: a Debian package name.
fn distro_package(name: Option<&str>) -> Result<Option<String>> {
    let Some(name) = name else { return Ok(None) };
    if !crate::build::rootfs::guest_packages::valid_name(name) || !name.starts_with("linux-image-")
    {
        return Err(UsageError::new(format!(
            "--linux-distro-package {name:?}: not a Debian kernel package; give a linux-image-*              name (--linux-distro-package linux-image-cloud-arm64)"
        ))
        .into());
    }
    Ok(Some(name.to_string()))
}

/// `--guest-package` names, checked, each once, in the order typed.
fn guest_packages(names: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !crate::build::rootfs::guest_packages::valid_name(name) {
            return Err(UsageError::new(format!(
                "--guest-package {name:?}: not a Debian package name (lower case letters, \
                 digits, + - and .: --guest-package strace)"
            ))
            .into());
        }
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    Ok(out)
}

/// One `lkmc build`: what to do, and how.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// Target names and the items after them, as typed (empty: the default).
    pub targets: Vec<String>,
    pub opts: BuildOptions,
    pub download_dependencies: bool,
    pub dependencies_only: bool,
    pub print_components: bool,
    pub clean: bool,
}

impl Request {
    /// Check and resolve what the user typed.
    pub fn new(a: &BuildArgs) -> Result<Request> {
        let ccflags = match &a.ccflags {
            None => vec![],
            Some(flags) => shlex::split(flags).ok_or_else(|| {
                UsageError::new(format!("--ccflags {flags:?}: unbalanced quotes"))
            })?,
        };
        let kernel = KernelOptions {
            defconfig: a.linux_defconfig.clone(),
            config: a.config.clone(),
            fragments: a.config_fragment.clone(),
            custom_config_file: a.custom_config_file.clone(),
            custom_config_target: a.custom_config_target.clone(),
            initramfs: a.initramfs,
            no_configure: a.no_configure,
        };
        kernel.check()?;
        Ok(Request {
            targets: a.targets.clone(),
            opts: BuildOptions {
                force_rebuild: a.force_rebuild,
                kernel,
                host: a.host,
                optimization_level: a.optimization_level.clone(),
                ccflags,
                make_args: a.extra_make_args.clone(),
                gem5_ruby: a.gem5_ruby,
                buildroot: BuildrootOptions::new(a)?,
                distro_package: distro_package(a.linux_distro_package.as_deref())?,
                distro_dbg: a.linux_distro_dbg,
                guest_packages: guest_packages(&a.guest_package)?,
                installs_dependencies: a.download_dependencies || a.dependencies_only,
            },
            download_dependencies: a.download_dependencies,
            dependencies_only: a.dependencies_only,
            print_components: a.print_components,
            clean: a.clean,
        })
    }

    /// Every option either takes effect or is refused: an option of a
    /// component that is not being built would otherwise be silently ignored.
    pub fn refuse_options_that_do_not_apply(&self, components: &[&Target]) -> Result<()> {
        let o = &self.opts;
        let has = |name: &str| components.iter().any(|c| c.name == name);
        let targets: Vec<&str> = components.iter().map(|c| c.name).collect();
        let refuse = |option: &str, needs: &str| -> Result<()> {
            Err(UsageError::new(format!(
                "{option} is for {needs}, which this build does not include (it builds: {}).\n\
                 Add the target, e.g. lkmc build {} ...",
                targets.join(", "),
                needs.split(' ').next().unwrap_or(needs)
            ))
            .into())
        };
        if let Some(line) = o.kernel.config.iter().find(|l| l.starts_with("BR2_")) {
            return Err(UsageError::new(format!(
                "--config {line}: BR2_ options are Buildroot's, and --config sets kernel options \
                 (CONFIG_...); pass it as --buildroot-config {line}"
            ))
            .into());
        }
        if self.clean {
            return Ok(());
        }
        if let Some(option) = o.kernel.first_set()
            && !has("linux")
        {
            return refuse(option, "linux (the kernel)");
        }
        if !has("linux") {
            if o.distro_package.is_some() {
                return refuse("--linux-distro-package", "linux (the kernel)");
            }
            if o.distro_dbg {
                return refuse("--linux-distro-dbg", "linux (the kernel)");
            }
        }
        if o.host && !has("modules") {
            return refuse("--host", "modules");
        }
        let compiles = has("userland") || has("baremetal");
        if o.optimization_level != "0" && !compiles {
            return refuse("--optimization-level", "userland or baremetal");
        }
        if !o.ccflags.is_empty() && !compiles {
            return refuse("--ccflags", "userland or baremetal");
        }
        if !o.guest_packages.is_empty() && !has("rootfs") {
            return refuse("--guest-package", "rootfs");
        }
        if o.gem5_ruby && !has("gem5") {
            return refuse("--gem5-ruby", "gem5");
        }
        if let Some(option) = o.buildroot.first_set()
            && !has("buildroot")
        {
            return refuse(option, "buildroot");
        }
        let makes = [
            "linux",
            "modules",
            "gem5",
            "buildroot",
            "qemu",
            "crosstool-ng",
        ]
        .into_iter()
        .filter(|m| has(m))
        .count();
        if !o.make_args.is_empty() && makes == 0 {
            return refuse(
                "make arguments after --",
                "linux, modules, gem5, buildroot, qemu or crosstool-ng",
            );
        }
        if !o.make_args.is_empty() && makes > 1 {
            return Err(UsageError::new(
                "arguments after -- go to one build tool (make, gem5's scons, QEMU's configure, \
                 ct-ng): build linux, modules, gem5, buildroot, qemu and crosstool-ng separately \
                 (lkmc build linux -- ARGS, then lkmc build modules -- ARGS)",
            )
            .into());
        }
        Ok(())
    }
}
