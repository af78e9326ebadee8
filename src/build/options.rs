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
    /// The rootfs cpio built into the kernel.
    pub initramfs: bool,
}

impl KernelOptions {
    fn first_set(&self) -> Option<&'static str> {
        [
            (!self.config.is_empty(), "--config"),
            (!self.fragments.is_empty(), "--config-fragment"),
            (self.defconfig.is_some(), "--linux-defconfig"),
            (self.custom_config_file.is_some(), "--custom-config-file"),
            (self.initramfs, "--initramfs"),
        ]
        .into_iter()
        .find_map(|(set, name)| set.then_some(name))
    }
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
        Ok(Request {
            targets: a.targets.clone(),
            opts: BuildOptions {
                force_rebuild: a.force_rebuild,
                kernel: KernelOptions {
                    defconfig: a.linux_defconfig.clone(),
                    config: a.config.clone(),
                    fragments: a.config_fragment.clone(),
                    custom_config_file: a.custom_config_file.clone(),
                    initramfs: a.initramfs,
                },
                host: a.host,
                optimization_level: a.optimization_level.clone(),
                ccflags,
                make_args: a.extra_make_args.clone(),
                gem5_ruby: a.gem5_ruby,
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
                 (CONFIG_...); lkmc's Buildroot provider is not implemented yet"
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
        if o.gem5_ruby && !has("gem5") {
            return refuse("--gem5-ruby", "gem5");
        }
        let makes = ["linux", "modules", "gem5", "qemu", "crosstool-ng"]
            .into_iter()
            .filter(|m| has(m))
            .count();
        if !o.make_args.is_empty() && makes == 0 {
            return refuse(
                "make arguments after --",
                "linux, modules, gem5, qemu or crosstool-ng",
            );
        }
        if !o.make_args.is_empty() && makes > 1 {
            return Err(UsageError::new(
                "arguments after -- go to one build tool (make, gem5's scons, QEMU's configure, \
                 ct-ng): build linux, modules, gem5, qemu and crosstool-ng separately \
                 (lkmc build linux -- ARGS, then lkmc build modules -- ARGS)",
            )
            .into());
        }
        Ok(())
    }
}
