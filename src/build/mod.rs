//! `lkmc build`: resolve targets into components and build them in order.
//!
//! A target names a component or a group of them (`qemu-linux` is everything
//! a QEMU Linux run needs). The table below is the one place that says what
//! each target contains and what it depends on.

pub mod baremetal;
pub mod deps;
pub mod linux;
pub mod modules;
pub mod objects;
pub mod rootfs;
pub mod userland;

use anyhow::Result;

use crate::cli::BuildArgs;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::{UsageError, did_you_mean};
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::remove::{self, Removal};

/// A buildable thing or a group of them.
pub struct Target {
    pub name: &'static str,
    pub help: &'static str,
    /// Built before this one, in this order.
    pub deps: &'static [&'static str],
    /// Whether this target is itself a component with a build step.
    pub builds: bool,
    /// The issue tracking it, when lkmc cannot build it yet.
    pub not_yet: Option<&'static str>,
}

/// Every target `lkmc build` knows.
pub const TARGETS: &[Target] = &[
    Target {
        name: "linux",
        help: "the kernel: image, vmlinux, modules, GDB scripts",
        deps: &[],
        builds: true,
        not_yet: None,
    },
    Target {
        name: "modules",
        help: "kernel modules: ours, named ones (`modules hello`), or a .c file or directory of yours",
        deps: &[],
        builds: true,
        not_yet: None,
    },
    Target {
        name: "userland",
        help: "userland examples for the arch, or the given files and directories",
        deps: &[],
        builds: true,
        not_yet: None,
    },
    Target {
        name: "rootfs",
        help: "lkmc's root filesystem: BusyBox, sysroot libraries, overlays (ext4, qcow2, cpio)",
        deps: &[],
        builds: true,
        not_yet: None,
    },
    Target {
        name: "baremetal",
        help: "baremetal images (arm, aarch64): ours and the userland examples that run without an OS, or the given files",
        deps: &[],
        builds: true,
        not_yet: None,
    },
    Target {
        name: "qemu-linux",
        help: "everything a QEMU Linux run needs (default)",
        deps: &["linux", "modules", "userland", "rootfs"],
        builds: false,
        not_yet: None,
    },
    Target {
        name: "qemu-buildroot",
        help: "a QEMU Linux run with Buildroot's root filesystem and toolchain",
        deps: &[],
        builds: true,
        not_yet: Some("the Buildroot provider is not implemented yet"),
    },
];

fn find(name: &str) -> Result<&'static Target> {
    TARGETS.iter().find(|t| t.name == name).ok_or_else(|| {
        let hint = did_you_mean(name, TARGETS.iter().map(|t| t.name));
        let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
        UsageError::new(format!(
            "unknown build target `{name}`{hint}\naccepted: {}",
            names.join(", ")
        ))
        .into()
    })
}

/// The components `targets` resolve to, dependencies first, each once.
pub fn resolve(targets: &[String]) -> Result<Vec<&'static Target>> {
    fn visit(t: &'static Target, out: &mut Vec<&'static Target>) -> Result<()> {
        for d in t.deps {
            visit(find(d)?, out)?;
        }
        if !out.iter().any(|o| o.name == t.name) {
            out.push(t);
        }
        Ok(())
    }
    let mut out = Vec::new();
    let default = ["qemu-linux".to_string()];
    let targets = if targets.is_empty() {
        &default[..]
    } else {
        targets
    };
    for name in targets {
        visit(find(name)?, &mut out)?;
    }
    Ok(out)
}

/// `lkmc build`.
pub fn main(args: &BuildArgs, configs: &[Config], exec: &Executor) -> Result<()> {
    // After `modules`, `userland` or `baremetal`, words that are not target
    // names select what to build of it: `lkmc build modules hello`,
    // `lkmc build userland c/`.
    let mut targets: Vec<String> = Vec::new();
    let mut module_args = Vec::new();
    let mut userland_args = Vec::new();
    let mut baremetal_args = Vec::new();
    for t in &args.targets {
        if find(t).is_ok() {
            targets.push(t.clone());
        } else if targets.last().is_some_and(|x| x == "modules") {
            module_args.push(t.clone());
        } else if targets.last().is_some_and(|x| x == "userland") {
            userland_args.push(t.clone());
        } else if targets.last().is_some_and(|x| x == "baremetal") {
            baremetal_args.push(t.clone());
        } else {
            targets.push(t.clone());
        }
    }
    let components = resolve(&targets)?;
    if args.print_components {
        for c in &components {
            println!("{:<16} {}", c.name, c.help);
        }
        return Ok(());
    }
    for c in &components {
        if let Some(why) = c.not_yet {
            return Err(UsageError::new(format!("cannot build `{}`: {why}", c.name)).into());
        }
    }
    if args.download_dependencies || args.dependencies_only {
        deps::main(&components, configs, exec)?;
        if args.dependencies_only {
            return Ok(());
        }
    }
    for config in configs {
        let paths = Paths::new(config);
        for c in components.iter().filter(|c| c.builds) {
            if args.clean {
                let mut plan = Plan::new(format!("clean {}", c.name), paths.log_file("clean"));
                if c.name == "linux" && linux::config_edited_by_user(&paths) {
                    // The build dir goes, a .config edited by hand stays.
                    let keep = paths.linux_build_dir.with_extension("config.user-edited");
                    eprintln!(
                        "note: {} was edited since lkmc wrote it; keeping it as {}",
                        paths.linux_config.display(),
                        keep.display()
                    );
                    plan.cmd(
                        "keep the edited .config",
                        Cmd::new("cp")
                            .args(["-p", &p(&paths.linux_config), &p(&keep)])
                            .oneline(),
                    );
                }
                plan.push(Step::Remove(clean_removal(c.name, config, &paths)?));
                exec.execute(&plan)?;
                continue;
            }
            match c.name {
                "linux" => linux::build(args, config, &paths, exec)?,
                "modules" if args.host => modules::build_host(&module_args, config, &paths, exec)?,
                "modules" => modules::build(&module_args, config, &paths, exec)?,
                "userland" => userland::build(args, &userland_args, config, &paths, exec)?,
                "rootfs" => rootfs::build(args, config, &paths, exec)?,
                "baremetal" => baremetal::build(args, &baremetal_args, config, &paths, exec)?,
                other => unreachable!("target {other} has no builder"),
            }
        }
    }
    Ok(())
}

/// What `--clean` of a component removes: its build dir under out/, or,
/// for `--in-tree` userland, only the generated files next to the sources.
fn clean_removal(name: &str, config: &Config, paths: &Paths) -> Result<Removal> {
    if name == "userland" && config.in_tree {
        return Ok(remove::in_tree_outputs(
            &paths.userland_build_dir,
            &paths.root_dir,
        ));
    }
    if name == "rootfs" && rootfs::persisted_by_user(paths) {
        return Err(UsageError::new(format!(
            "{} was changed after lkmc built it (by `lkmc run --disk-persist`?), and \
             --clean would delete it.\nCopy it somewhere to keep it, then delete it yourself \
             and clean again.",
            paths.rootfs_qcow2_file.display()
        ))
        .into());
    }
    let dir = match name {
        "linux" => &paths.linux_build_dir,
        "rootfs" => &paths.rootfs_build_dir,
        "modules" => &paths.kernel_modules_build_dir,
        "userland" => &paths.userland_build_dir,
        "baremetal" => &paths.baremetal_build_dir,
        other => unreachable!("target {other} has no build dir"),
    };
    Ok(Removal::under_out(dir, &paths.out_dir, &paths.root_dir))
}
