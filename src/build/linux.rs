//! `lkmc build linux`: configure and build the kernel out of tree.
//!
//! The .config is a base (`make tinyconfig` by default, `--linux-defconfig`
//! for another make target, or `--custom-config-file` used as it is) plus
//! our fragments in configs/linux/ and the user's, merged by the kernel's own
//! `scripts/kconfig/merge_config.sh`; `--custom-config-target` is a make
//! target's config with only the user's fragments, and `--no-configure`
//! builds the .config that is there. Configuring is skipped when its inputs
//! did not change since the last time, so an edit-rebuild cycle is just
//! make's own incremental build, and a .config the user tuned by hand
//! (menuconfig) is kept until they change the inputs. After the build,
//! `make modules_install` stages the kernel's =m modules for the rootfs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::build::BuildOptions;
use crate::build::kbuild;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::linux_source;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};

/// Name of the file in the build dir that records the config inputs.
const STAMP: &str = "lkmc_config_inputs";

/// Build the kernel for one arch.
pub fn build(args: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    if args.kernel.no_configure {
        check_configured(config, paths)?;
    }
    let inputs = match args.kernel.no_configure {
        true => None,
        false => Some(ConfigInputs::new(args, config, paths)?),
    };
    let mut fetch = Plan::new("linux source", paths.linux_log_file.clone());
    linux_source::plan_fetch(config, paths, &mut fetch)?;
    exec.execute(&fetch)?;
    if !config.dry_run {
        check_compiler(config, paths)?;
    }
    if let Some(inputs) = inputs {
        configure(&inputs, args, config, paths, exec)?;
    }
    exec.execute(&build_plan(args, config, paths))
}

/// `--no-configure` builds the .config that is there: refused, before
/// anything runs, when there is none.
fn check_configured(config: &Config, paths: &Paths) -> Result<()> {
    if config.dry_run || paths.linux_config.is_file() {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "--no-configure builds with the .config in {}, and there is none yet.\n\
         Configure once without --no-configure (lkmc build --arch {} linux), or put your \
         .config there",
        paths.linux_build_dir.display(),
        config.arch
    ))
    .into())
}

/// Write the .config unless it is up to date with its inputs.
fn configure(
    inputs: &ConfigInputs,
    args: &BuildOptions,
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<()> {
    let stamp = paths.linux_build_dir.join(STAMP);
    let fingerprint = inputs.fingerprint()?;
    // The stamp is the fingerprint of the inputs, then the hash of the .config
    // lkmc wrote; a .config edited since by hand is kept while inputs stay.
    let configured = paths.linux_config.is_file()
        && std::fs::read_to_string(&stamp).is_ok_and(|s| {
            s.strip_prefix(&fingerprint)
                .is_some_and(|rest| rest.starts_with("config-hash "))
        });
    tracing::debug!(
        configured,
        force = args.force_rebuild,
        stamp = %stamp.display(),
        "kernel .config up to date with its inputs?"
    );
    if !configured || args.force_rebuild {
        if let Some(backup) = backup_user_config(paths)? {
            eprintln!(
                "note: {} was edited since lkmc wrote it; saved a copy as {}",
                paths.linux_config.display(),
                backup.display()
            );
        }
        let plan = configure_plan(inputs, config, paths);
        exec.execute(&plan)?;
        if !config.dry_run {
            check_survivors(inputs, paths)?;
            let done = format!("{fingerprint}{}", config_hash(paths));
            crate::plan::write_file(&stamp, &done, false)?;
        }
    }
    Ok(())
}

/// `lkmc build linux`'s refusals that need nothing built: the `--config`
/// lines, the config files named and the kernel source tree.
pub fn check(args: &BuildOptions, config: &Config, paths: &Paths) -> Result<()> {
    for (set, option) in [
        (args.distro_package.is_some(), "--linux-distro-package"),
        (args.distro_dbg, "--linux-distro-dbg"),
    ] {
        if set {
            return Err(UsageError::new(format!(
                "{option} chooses what the distro's kernel brings, and this build is lkmc's                  kernel; add --linux-which distro"
            ))
            .into());
        }
    }
    check_options(args)?;
    if args.kernel.no_configure {
        check_configured(config, paths)?;
    }
    linux_source::check(config, paths)
}

/// The kernel config options' own form: `--config` lines and the files
/// named exist.
fn check_options(args: &BuildOptions) -> Result<()> {
    for line in &args.kernel.config {
        if parse_config_line(line).is_none() {
            return Err(UsageError::new(format!(
                "--config {line:?}: expected CONFIG_NAME=value, e.g. --config CONFIG_DEBUG_FS=y \
                     or --config 'CONFIG_CMDLINE=\"quiet\"'"
            ))
            .into());
        }
    }
    let named = args
        .kernel
        .fragments
        .iter()
        .map(|f| ("--config-fragment", f));
    for (option, f) in named.chain(
        args.kernel
            .custom_config_file
            .iter()
            .map(|f| ("--custom-config-file", f)),
    ) {
        if !f.is_file() {
            return Err(UsageError::new(format!(
                "config file {} does not exist (named by {option}; give an existing file)",
                std::path::absolute(f)
                    .unwrap_or_else(|_| f.clone())
                    .display()
            ))
            .into());
        }
    }
    Ok(())
}

/// Everything that decides the .config.
#[derive(Debug)]
pub struct ConfigInputs {
    /// `make` target giving the base config, or a file copied as is.
    base: Base,
    /// Fragment files, merged in order.
    fragments: Vec<PathBuf>,
    /// `--config` lines, written as the last fragment.
    cli_lines: Vec<String>,
}

#[derive(Debug)]
enum Base {
    Target(String),
    File(PathBuf),
}

impl ConfigInputs {
    /// Validate the options and collect the inputs.
    pub fn new(args: &BuildOptions, config: &Config, paths: &Paths) -> Result<ConfigInputs> {
        check_options(args)?;
        let abs = |f: &Path| {
            if f.is_absolute() {
                f.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(f)
            }
        };
        if let Some(file) = &args.kernel.custom_config_file {
            return Ok(ConfigInputs {
                base: Base::File(abs(file)),
                fragments: vec![],
                cli_lines: vec![],
            });
        }
        let arch = config.arch.facts().name;
        // --custom-config-target: the target's config instead of lkmc's, so
        // without lkmc's fragments (the original's behaviour).
        let mut fragments = match &args.kernel.custom_config_target {
            Some(_) => vec![],
            None => vec![
                paths.linux_config_dir.join("common.config"),
                paths.linux_config_dir.join(format!("{arch}.config")),
            ],
        };
        fragments.extend(args.kernel.fragments.iter().map(|f| abs(f)));
        let mut cli_lines = args.kernel.config.clone();
        if args.kernel.initramfs {
            if !paths.rootfs_cpio.is_file() && !config.dry_run {
                return Err(UsageError::new(format!(
                    "--initramfs builds the root filesystem's cpio into the kernel, and {} is not \
                     built yet.\nBuild it first: lkmc build --arch {arch}",
                    paths.rootfs_cpio.display()
                ))
                .into());
            }
            cli_lines.push(format!(
                "CONFIG_INITRAMFS_SOURCE=\"{}\"",
                paths.rootfs_cpio.display()
            ));
        }
        Ok(ConfigInputs {
            base: Base::Target(
                args.kernel
                    .custom_config_target
                    .clone()
                    .or_else(|| args.kernel.defconfig.clone())
                    .unwrap_or_else(|| "tinyconfig".to_string()),
            ),
            fragments,
            cli_lines,
        })
    }

    /// A text that changes whenever the resulting .config would.
    fn fingerprint(&self) -> Result<String> {
        let mut s = String::new();
        match &self.base {
            Base::Target(t) => s.push_str(&format!("base target {t}\n")),
            Base::File(f) => s.push_str(&format!("base file {}\n{}\n", f.display(), read(f)?)),
        }
        for f in &self.fragments {
            s.push_str(&format!("fragment {}\n{}\n", f.display(), read(f)?));
        }
        for l in &self.cli_lines {
            s.push_str(&format!("cli {l}\n"));
        }
        Ok(s)
    }

    /// Every option the fragments and `--config` ask for, last one winning.
    fn requested(&self) -> Result<BTreeMap<String, Option<String>>> {
        let mut want = BTreeMap::new();
        for f in &self.fragments {
            for line in read(f)?.lines() {
                if let Some((k, v)) = parse_config_line(line) {
                    want.insert(k, v);
                }
            }
        }
        for line in &self.cli_lines {
            if let Some((k, v)) = parse_config_line(line) {
                want.insert(k, v);
            }
        }
        Ok(want)
    }
}

fn read(f: &Path) -> Result<String> {
    std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))
}

/// `CONFIG_X=v` → `(CONFIG_X, Some(v))`; `# CONFIG_X is not set` → `(CONFIG_X, None)`.
pub fn parse_config_line(line: &str) -> Option<(String, Option<String>)> {
    let line = line.trim();
    let valid = |k: &str| {
        k.starts_with("CONFIG_")
            && k.len() > 7
            && k.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    };
    if let Some(rest) = line.strip_prefix("# ") {
        let k = rest.strip_suffix(" is not set")?;
        return valid(k).then(|| (k.to_string(), None));
    }
    let (k, v) = line.split_once('=')?;
    (valid(k) && !v.is_empty()).then(|| (k.to_string(), Some(v.to_string())))
}

/// `make` with the arguments every kernel make needs.
pub fn make(config: &Config, paths: &Paths) -> Cmd {
    kbuild::make(config, paths, kbuild::Tree::Kernel)
}

/// Steps that write the .config.
pub fn configure_plan(inputs: &ConfigInputs, config: &Config, paths: &Paths) -> Plan {
    let mut plan = Plan::new("configure linux", paths.linux_log_file.clone());
    plan.push(Step::Mkdir(paths.linux_build_dir.clone()));
    match &inputs.base {
        Base::File(f) => {
            plan.cmd(
                "copy config",
                Cmd::new("cp").arg(p(f)).arg(p(&paths.linux_config)),
            );
        }
        Base::Target(t) => {
            plan.cmd(format!("make {t}"), make(config, paths).arg(t));
        }
    }
    let mut fragments = inputs.fragments.clone();
    if !inputs.cli_lines.is_empty() {
        plan.push(Step::Write {
            path: paths.linux_cli_fragment.clone(),
            contents: inputs.cli_lines.join("\n") + "\n",
            executable: false,
        });
        fragments.push(paths.linux_cli_fragment.clone());
    }
    if !fragments.is_empty() {
        plan.cmd(
            "merge config fragments",
            Cmd::new(p(&paths
                .linux_source_dir
                .join("scripts/kconfig/merge_config.sh")))
            .arg("-m")
            .line(["-O", &p(&paths.linux_build_dir)])
            .arg(p(&paths.linux_config))
            .args(fragments.iter().map(|f| p(f)))
            // merge_config.sh makes its temporary files in the current
            // directory: in the build dir, not in a source tree that may
            // be the user's (--linux-source-dir).
            .cwd(&paths.linux_build_dir),
        );
    }
    plan.cmd("make olddefconfig", make(config, paths).arg("olddefconfig"));
    plan
}

/// The build itself.
pub fn build_plan(args: &BuildOptions, config: &Config, paths: &Paths) -> Plan {
    let f = config.arch.facts();
    let mut plan = Plan::new("build linux", paths.linux_log_file.clone());
    // A kernel configured without modules (a custom config, tinyconfig as
    // it is) has none to build or install, and make fails asked to.
    let modules_off = std::fs::read_to_string(&paths.linux_config)
        .is_ok_and(|t| !t.lines().any(|l| l == "CONFIG_MODULES=y"));
    let cmd = make(config, paths)
        // Fixed build identity: no relink of vmlinux when nothing changed, and
        // the same bits from the same sources.
        .env("KBUILD_BUILD_USER", "lkmc")
        .env("KBUILD_BUILD_HOST", "lkmc")
        .env("KBUILD_BUILD_TIMESTAMP", "1970-01-01")
        .env("KBUILD_BUILD_VERSION", "1")
        .args(make_targets(args, f.linux_image_target, !modules_off));
    plan.cmd(format!("linux {}", f.name), cmd);
    if args.make_args.iter().any(|a| is_make_target(a)) {
        // Only what the user named (savedefconfig, one directory, ...).
        return plan;
    }
    // The kernel's own install of its =m modules, with depmod's index, into
    // a staging dir the rootfs copies: `modprobe NAME` then finds them in the
    // guest's /lib/modules/RELEASE.
    if modules_off {
        return plan;
    }
    plan.cmd(
        "modules_install",
        make(config, paths)
            .arg(format!(
                "INSTALL_MOD_PATH={}",
                p(&paths.linux_modules_install_dir)
            ))
            .arg("modules_install"),
    );
    plan
}

/// A word after `--` that make takes as a target (not `V=1`, not `-k`).
fn is_make_target(a: &str) -> bool {
    !a.contains('=') && !a.starts_with('-')
}

/// What make builds: the make targets after `--` if any were given (as the
/// original did: `lkmc build linux -- savedefconfig` runs just that), else
/// the image, vmlinux, the modules (of a kernel that has them) and the GDB
/// scripts; variables such as `V=1` after `--` go along either way.
fn make_targets(args: &BuildOptions, image_target: &str, modules: bool) -> Vec<String> {
    let mut words = args.make_args.clone();
    if !words.iter().any(|a| is_make_target(a)) {
        let defaults = [image_target, "vmlinux", "modules", "scripts_gdb"]
            .into_iter()
            .filter(|t| modules || *t != "modules");
        words.splice(0..0, defaults.map(String::from));
    }
    words
}

/// Fail early, naming the package, if the cross compiler is missing.
fn check_compiler(config: &Config, paths: &Paths) -> Result<()> {
    let gcc = format!("{}gcc", paths.cross_compile);
    if which::which(&gcc).is_ok() {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "the {} compiler `{gcc}` is not installed (Debian/Ubuntu package {}).\n\
         Install it with: lkmc build --download-dependencies --arch {} linux",
        config.arch,
        config.arch.facts().gcc_package,
        config.arch
    ))
    .into())
}

/// A short hash of the current .config, to notice hand edits.
fn config_hash(paths: &Paths) -> String {
    use std::hash::{Hash, Hasher};
    let text = std::fs::read_to_string(&paths.linux_config).unwrap_or_default();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    format!("config-hash {:016x}\n", h.finish())
}

/// If the .config differs from what lkmc last wrote, copy it aside before
/// it is regenerated; return the copy's path.
/// Whether the build's .config was edited after lkmc wrote it.
pub fn config_edited_by_user(paths: &Paths) -> bool {
    let stamp = std::fs::read_to_string(paths.linux_build_dir.join(STAMP)).unwrap_or_default();
    paths.linux_config.is_file() && !stamp.is_empty() && !stamp.ends_with(&config_hash(paths))
}

fn backup_user_config(paths: &Paths) -> Result<Option<PathBuf>> {
    if !config_edited_by_user(paths) {
        return Ok(None);
    }
    let backup = paths.linux_build_dir.join(".config.user-edited");
    std::fs::copy(&paths.linux_config, &backup)?;
    Ok(Some(backup))
}

/// The options `inputs` ask for that the build's .config does not have,
/// each as `CONFIG_X: asked A, got B`.
pub fn dropped_options(inputs: &ConfigInputs, paths: &Paths) -> Result<Vec<String>> {
    let got: BTreeMap<String, Option<String>> = read(&paths.linux_config)?
        .lines()
        .filter_map(parse_config_line)
        .collect();
    let mut dropped = Vec::new();
    for (k, want) in inputs.requested()? {
        let have = got.get(&k).cloned().flatten();
        let ok = match &want {
            Some(v) if v == "n" => have.is_none(),
            Some(v) => have.as_ref() == Some(v),
            None => have.is_none() || have.as_deref() == Some("n"),
        };
        if !ok {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "not set".to_string());
            dropped.push(format!("{k}: asked {}, got {}", show(&want), show(&have)));
        }
    }
    Ok(dropped)
}

/// Fail, naming them, if Kconfig dropped options that were asked for.
fn check_survivors(inputs: &ConfigInputs, paths: &Paths) -> Result<()> {
    let dropped: Vec<String> = dropped_options(inputs, paths)?
        .into_iter()
        .map(|d| format!("  {d}"))
        .collect();
    if dropped.is_empty() {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "Kconfig dropped {} requested option(s), usually because a dependency is not enabled:\n{}\n\
         Look each up with `make menuconfig` (search with /) in {} to see what it depends on.",
        dropped.len(),
        dropped.join("\n"),
        paths.linux_build_dir.display()
    ))
    .into())
}

#[cfg(test)]
mod tests {
    use super::parse_config_line;

    #[test]
    fn config_lines() {
        assert_eq!(
            parse_config_line("CONFIG_X=y"),
            Some(("CONFIG_X".into(), Some("y".into())))
        );
        assert_eq!(
            parse_config_line("# CONFIG_X is not set"),
            Some(("CONFIG_X".into(), None))
        );
        assert_eq!(
            parse_config_line("CONFIG_CMDLINE=\"a b\""),
            Some(("CONFIG_CMDLINE".into(), Some("\"a b\"".into())))
        );
        assert_eq!(parse_config_line("X=y"), None);
        assert_eq!(parse_config_line("CONFIG_x=y"), None);
        assert_eq!(parse_config_line("CONFIG_X="), None);
        assert_eq!(parse_config_line("# comment"), None);
    }
}
