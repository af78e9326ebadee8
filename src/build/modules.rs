//! `lkmc build modules`: out-of-tree kbuild of kernel modules.
//!
//! Our modules (`kernel_modules/*.c`, one module per file) are copied into
//! `kernel_modules_build_dir` (kbuild of 6.1 writes objects next to the
//! sources; the copy keeps the checkout clean) and built with
//! `make -C <linux build> M=<that dir>`. A directory or .c file of the user's
//! anywhere on disk gets a build dir of its own. Built `.ko` files are copied
//! into the generated overlay, so they are in the guest's /lkmc both through
//! the root filesystem and through the 9P share, without a rootfs rebuild;
//! `make modules_install` also stages them with the kernel's modules, for
//! the guest's /lib/modules (`modprobe NAME`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::build::BuildOptions;
use crate::build::kbuild;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::{UsageError, did_you_mean};
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::remove::Removal;

/// What one `lkmc build modules` invocation builds.
#[derive(Debug, PartialEq, Eq)]
pub enum Selection {
    /// Our modules: all of them (empty list) or these names.
    Ours(Vec<String>),
    /// A directory or single .c file of the user's.
    External(PathBuf),
}

/// What `configs/kernel_modules.toml` says about one module.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFacts {
    /// Build and test only on these archs.
    pub archs: Option<Vec<String>>,
    /// It crashes the kernel on purpose; this guest command triggers it.
    pub crash_eval: Option<String>,
    /// Do not test, for this reason.
    pub skip: Option<String>,
}

/// `configs/kernel_modules.toml`, checked against `kernel_modules/`.
pub fn facts(paths: &Paths) -> Result<BTreeMap<String, ModuleFacts>> {
    let path = paths.configs_dir.join("kernel_modules.toml");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let facts: BTreeMap<String, ModuleFacts> =
        toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let ours = all_modules(paths);
    for name in facts.keys() {
        if !ours.contains(name) {
            anyhow::bail!(
                "{}: [{name}] names no module in {}",
                path.display(),
                paths.kernel_modules_source_dir.display()
            );
        }
    }
    Ok(facts)
}

/// The modules that belong to the arch of `paths`.
pub fn our_modules(paths: &Paths) -> Vec<String> {
    let facts = facts(paths).unwrap_or_default();
    all_modules(paths)
        .into_iter()
        .filter(|m| {
            facts
                .get(m)
                .and_then(|f| f.archs.as_ref())
                .is_none_or(|a| a.contains(&paths.arch))
        })
        .collect()
}

/// Every module name in `kernel_modules/` (one per .c file), sorted.
pub fn all_modules(paths: &Paths) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(&paths.kernel_modules_source_dir)
        .map(|d| {
            d.flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".c").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Records the kernel build dir the guest overlay's modules were built against.
pub fn built_for_file(paths: &Paths) -> std::path::PathBuf {
    paths.out_rootfs_overlay_lkmc_dir.join(".modules_kernel")
}

/// A warning when the guest overlay's modules were built for another kernel
/// than the one `paths` boots.
pub fn mismatch_warning(config: &Config, paths: &Paths) -> Option<String> {
    let built_for = std::fs::read_to_string(built_for_file(paths)).ok()?;
    let built_for = built_for.trim();
    (built_for != p(&paths.linux_build_dir)).then(|| {
        format!(
            "warning: the modules in {} were built against {built_for}, not the kernel this run \
             boots ({}); insmod will refuse them. Rebuild: lkmc build --arch {} \
             --linux-build-id {} modules",
            paths.out_rootfs_overlay_lkmc_dir.display(),
            paths.linux_build_dir.display(),
            config.arch,
            config.build_ids.linux
        )
    })
}

/// The error for a module name that is not in the catalogue.
pub fn unknown_module(name: &str, ours: &[String], paths: &Paths) -> anyhow::Error {
    UsageError::new(format!(
        "no kernel module `{name}` in {}{}",
        paths.kernel_modules_source_dir.display(),
        did_you_mean(name, ours.iter().map(String::as_str))
    ))
    .into()
}

/// Turn the command line's NAME|PATH arguments into a selection.
pub fn select(args: &[String], paths: &Paths) -> Result<Vec<Selection>> {
    facts(paths)?;
    let ours = all_modules(paths);
    let mut names = Vec::new();
    let mut out = Vec::new();
    for a in args {
        let path = Path::new(a);
        let looks_like_path = a.contains('/') || a.ends_with(".c") || path.is_dir();
        if !looks_like_path {
            if !ours.contains(a) {
                return Err(unknown_module(a, &ours, paths));
            }
            names.push(a.clone());
            continue;
        }
        let abs = std::path::absolute(path)?;
        if abs.starts_with(&paths.kernel_modules_source_dir)
            && abs.extension().is_some_and(|e| e == "c")
        {
            names.push(
                abs.file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
            continue;
        }
        let ok = if abs.is_dir() {
            std::fs::read_dir(&abs)?
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "c"))
        } else {
            abs.is_file() && abs.extension().is_some_and(|e| e == "c")
        };
        if !ok {
            return Err(UsageError::new(format!(
                "{} is not a .c file or a directory holding .c files",
                abs.display()
            ))
            .into());
        }
        out.push(Selection::External(abs));
    }
    if !names.is_empty() || out.is_empty() {
        out.insert(0, Selection::Ours(names));
    }
    Ok(out)
}

/// `make` for out-of-tree modules against the kernel build.
fn make(config: &Config, paths: &Paths, linux: &Path, dir: &Path) -> Cmd {
    kbuild::make(config, paths, kbuild::Tree::Modules { linux, dir })
}

/// The build dir of a user's module at `src`.
pub fn external_build_dir(paths: &Paths, src: &Path) -> PathBuf {
    let dir = if src.is_dir() {
        src
    } else {
        src.parent().unwrap_or(src)
    };
    paths
        .kernel_modules_build_dir
        .join("external")
        .join(crate::paths::flatten(dir))
}

/// Plan the build of `sel` for one arch.
pub fn plan(args: &BuildOptions, config: &Config, paths: &Paths, sel: &Selection) -> Plan {
    let mut plan = Plan::new("build modules", paths.log_file("build-modules"));
    let make = |linux: &Path, dir: &Path| make(config, paths, linux, dir).args(&args.make_args);
    match sel {
        Selection::Ours(names) => ours_steps(&mut plan, &make, args, config, paths, names),
        Selection::External(src) => external_steps(&mut plan, &make, args, config, paths, src),
    }
    plan
}

/// Our modules: copied into their build dir, built, installed.
fn ours_steps(
    plan: &mut Plan,
    make: &dyn Fn(&Path, &Path) -> Cmd,
    args: &BuildOptions,
    config: &Config,
    paths: &Paths,
    names: &[String],
) {
    let lkmc = &paths.out_rootfs_overlay_lkmc_dir;
    let dir = &paths.kernel_modules_build_dir;
    if args.force_rebuild {
        // kbuild has no "rebuild all" of its own for M= builds: start
        // from an empty build dir.
        plan.push(Step::Remove(Removal::under_out(
            dir,
            &paths.out_dir,
            &paths.root_dir,
        )));
    }
    plan.push(Step::Mkdir(dir.clone()));
    // -u keeps unchanged sources' times, so make rebuilds only what changed.
    plan.cmd(
        "copy sources",
        Cmd::new("cp")
            .arg("-au")
            .arg(format!("{}/.", p(&paths.kernel_modules_source_dir)))
            .arg(p(dir)),
    );
    let mut m = make(&paths.linux_build_dir, dir);
    let names = if names.is_empty() {
        our_modules(paths)
    } else {
        names.to_vec()
    };
    let objs: Vec<String> = names.iter().map(|n| format!("{n}.o")).collect();
    m = m.arg(format!("OBJECT_FILES={}", objs.join(" ")));
    plan.cmd(format!("modules {}", config.arch), m.clone().arg("modules"));
    if !args.host {
        plan.push(modules_install(m, paths));
    }
    plan.push(Step::Mkdir(lkmc.clone()));
    let kos: Vec<String> = names.iter().map(|n| format!("{}/{n}.ko", p(dir))).collect();
    plan.cmd(
        "install into the guest overlay",
        Cmd::new("sh").line([
            "-c",
            &format!(
                "for ko in {}; do [ -e \"$ko\" ] && cp -p \"$ko\" {}/; done; true",
                kos.join(" "),
                crate::cmd::quote(&p(lkmc))
            ),
        ]),
    );
    // Which kernel these are for: the guest's /lkmc holds one set,
    // and `lkmc run` warns when it boots another kernel.
    plan.push(Step::Write {
        path: built_for_file(paths),
        contents: format!("{}\n", p(&paths.linux_build_dir)),
        executable: false,
    });
}

/// kbuild's own install of the modules just built, into the kernel's
/// staging dir (under lib/modules/RELEASE/extra) with depmod's index, which
/// the rootfs copies: `modprobe NAME` then finds them in the guest, with
/// their options from /etc/modprobe.conf.
fn modules_install(make: Cmd, paths: &Paths) -> Step {
    Step::run(
        "modules_install",
        make.arg(format!(
            "INSTALL_MOD_PATH={}",
            p(&paths.linux_modules_install_dir)
        ))
        .arg("modules_install"),
    )
}

/// A module dir or file of the user's, in a build dir of its own.
fn external_steps(
    plan: &mut Plan,
    make: &dyn Fn(&Path, &Path) -> Cmd,
    args: &BuildOptions,
    config: &Config,
    paths: &Paths,
    src: &Path,
) {
    let lkmc = &paths.out_rootfs_overlay_lkmc_dir;
    let dir = external_build_dir(paths, src);
    if args.force_rebuild {
        plan.push(Step::Remove(Removal::under_out(
            &dir,
            &paths.out_dir,
            &paths.root_dir,
        )));
    }
    plan.push(Step::Mkdir(dir.clone()));
    let from = if src.is_dir() {
        format!("{}/.", p(src))
    } else {
        p(src)
    };
    plan.cmd(
        "copy sources",
        Cmd::new("cp").arg("-au").arg(from).arg(p(&dir)),
    );
    let has_kbuild =
        src.is_dir() && (src.join("Kbuild").is_file() || src.join("Makefile").is_file());
    if !has_kbuild {
        let objs: Vec<String> = if src.is_dir() {
            let mut v: Vec<String> = std::fs::read_dir(src)
                .map(|d| {
                    d.flatten()
                        .filter_map(|e| {
                            let n = e.file_name().to_string_lossy().into_owned();
                            n.strip_suffix(".c").map(|s| format!("{s}.o"))
                        })
                        .collect()
                })
                .unwrap_or_default();
            v.sort();
            v
        } else {
            vec![format!(
                "{}.o",
                src.file_stem().unwrap_or_default().to_string_lossy()
            )]
        };
        plan.push(Step::Write {
            path: dir.join("Kbuild"),
            contents: format!(
                "# Written by lkmc: one module per .c file.\nobj-m += {}\n",
                objs.join(" ")
            ),
            executable: false,
        });
    }
    let m = make(&paths.linux_build_dir, &dir);
    plan.cmd(format!("modules {}", config.arch), m.clone().arg("modules"));
    if !args.host {
        plan.push(modules_install(m, paths));
    }
    plan.push(Step::Mkdir(lkmc.clone()));
    plan.cmd(
        "install into the guest overlay",
        Cmd::new("sh").line([
            "-c",
            &format!(
                "cp -p {}/*.ko {}/",
                crate::cmd::quote(&p(&dir)),
                crate::cmd::quote(&p(lkmc))
            ),
        ]),
    );
}

fn check_host(config: &Config) -> Result<()> {
    if !config.arch.is_host() {
        return Err(UsageError::new(format!(
            "--host builds modules for the host's own kernel, and {} is not the host's arch \
             (leave out --arch, or build against lkmc's kernel without --host)",
            config.arch
        ))
        .into());
    }
    Ok(())
}

/// `lkmc build modules`'s refusals that need nothing built: `--host` for
/// another arch, and the names and files given.
pub fn check(args: &BuildOptions, items: &[String], config: &Config, paths: &Paths) -> Result<()> {
    if args.host {
        check_host(config)?;
    }
    select(items, paths).map(drop)
}

/// `--host`: build against the running host kernel's headers instead of
/// our kernel build; outputs stay in `kernel_modules_build_host_dir`.
pub fn build_host(
    args: &BuildOptions,
    items: &[String],
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<()> {
    check_host(config)?;
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let mut host = paths.clone();
    host.linux_build_dir = PathBuf::from(format!("/lib/modules/{release}/build"));
    host.kernel_modules_build_dir = paths.kernel_modules_build_host_dir.clone();
    host.out_rootfs_overlay_lkmc_dir = paths.kernel_modules_build_host_dir.join("ko");
    host.cross_compile = String::new();
    if !config.dry_run && !host.linux_build_dir.join("Makefile").is_file() {
        return Err(UsageError::new(format!(
            "no headers for the running kernel {release} at {}.\n\
             Install them (Debian/Ubuntu: apt-get install linux-headers-{release}).",
            host.linux_build_dir.display()
        ))
        .into());
    }
    build_against(args, items, config, &host, exec)
}

/// Build the selected modules for one arch, then say which did not build.
pub fn build(
    args: &BuildOptions,
    items: &[String],
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<()> {
    let arch = config.arch;
    if !config.dry_run && !paths.linux_build_dir.join("Module.symvers").is_file() {
        return Err(UsageError::new(format!(
            "modules build against the kernel build in {}, which is not there yet.\n\
             Build the kernel first: lkmc build --arch {arch} linux",
            paths.linux_build_dir.display()
        ))
        .into());
    }
    build_against(args, items, config, paths, exec)
}

/// Build against `paths.linux_build_dir`, retrying without modules that fail.
fn build_against(
    args: &BuildOptions,
    items: &[String],
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<()> {
    let arch = config.arch;
    for sel in select(items, paths)? {
        let r = exec.execute(&plan(args, config, paths, &sel));
        if config.dry_run || r.is_ok() {
            r?;
            continue;
        }
        let Selection::Ours(names) = &sel else {
            return r;
        };
        if let Err(e) = &r {
            // The compiler's messages, before lkmc builds again without the
            // failed modules and reports those.
            eprintln!("{e:#}");
        }
        // kbuild links no module when one fails to compile (modpost runs
        // last, on all of them). Build again without the ones that failed, so
        // one broken module does not take the others down with it.
        let wanted = if names.is_empty() {
            our_modules(paths)
        } else {
            names.clone()
        };
        let dir = &paths.kernel_modules_build_dir;
        let (ok, failed): (Vec<String>, Vec<String>) = wanted
            .into_iter()
            .partition(|n| dir.join(format!("{n}.o")).is_file());
        if !ok.is_empty() && !failed.is_empty() {
            eprintln!(
                "building again without the module(s) that failed: {}",
                failed.join(", ")
            );
            let again = BuildOptions {
                force_rebuild: false,
                ..args.clone()
            };
            exec.execute(&plan(&again, config, paths, &Selection::Ours(ok)))?;
        }
        let failed = if failed.is_empty() {
            vec!["(see the log)".to_string()]
        } else {
            failed
        };
        return Err(crate::error::CmdFailed {
            status: 1,
            what: format!(
                "module(s) did not build for {arch}: {} (the failed make and its log tail above; full log {})",
                failed.join(", "),
                paths.log_file("build-modules").display()
            ),
        }
        .into());
    }
    Ok(())
}
