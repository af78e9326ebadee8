//! `lkmc build`: resolve targets into components and build them in order.
//!
//! A target names a component or a group of them (`qemu-linux` is everything
//! a QEMU Linux run needs). The table below is the one place that says what
//! each target contains and what it depends on.

pub mod baremetal;
pub mod crosstool_ng;
pub mod deps;
pub mod disk2;
pub mod distro_kernel;
pub mod docs;
pub mod gem5;
pub mod kbuild;
pub mod linux;
pub mod modules;
pub mod objects;
pub mod options;
pub mod qemu;
pub mod rootfs;

pub mod userland;

use anyhow::{Context, Result};

use crate::cli::BuildArgs;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::{UsageError, did_you_mean};
use crate::facts::provider::LinuxWhich;
use crate::facts::rootfs::Rootfs;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::remove::{self, Removal};
pub use options::{BuildOptions, Request};

/// What one component's build gets: the options, the words after its name
/// on the command line (`lkmc build modules hello`), and where it runs.
pub struct Job<'a> {
    pub opts: &'a BuildOptions,
    pub items: &'a [String],
    pub config: &'a Config,
    pub paths: &'a Paths,
    pub exec: &'a Executor,
}

/// A buildable thing or a group of them: everything lkmc knows about it is
/// on its row.
pub struct Target {
    pub name: &'static str,
    pub help: &'static str,
    /// Built before this one, in this order.
    pub deps: &'static [&'static str],
    /// Its build (None: a group, built through its deps).
    pub build: Option<fn(&Job) -> Result<()>>,
    /// Words after its name select what of it to build.
    pub takes_items: bool,
    /// What it refuses (its items, its options, its source tree) before
    /// anything of any target runs or the out dir's lock is taken.
    pub check: fn(&Job) -> Result<()>,
    /// What `--clean` removes (None: nothing of its own).
    pub build_dir: Option<fn(&Paths) -> &std::path::Path>,
    /// Host packages it needs.
    pub packages: deps::PackagesFn,
    /// It takes files from guest-arch packages (downloaded, not installed).
    pub guest_packages: fn(&Config) -> bool,
    /// The issue tracking it, when lkmc cannot build it yet.
    pub not_yet: Option<&'static str>,
}

/// Every target `lkmc build` knows.
pub const TARGETS: &[Target] = &[
    Target {
        name: "linux",
        help: "the kernel: image, vmlinux, modules, GDB scripts (--linux-which distro: the distro's, fetched and unpacked)",
        deps: &[],
        build: Some(|j| match j.config.linux_which {
            LinuxWhich::Lkmc => linux::build(j.opts, j.config, j.paths, j.exec),
            LinuxWhich::Distro => distro_kernel::build(j.opts, j.config, j.paths, j.exec),
        }),
        takes_items: false,
        check: |j| match j.config.linux_which {
            LinuxWhich::Lkmc => linux::check(j.opts, j.config, j.paths),
            LinuxWhich::Distro => distro_kernel::check(j.opts, j.config, j.paths),
        },
        build_dir: Some(|p| &p.linux_out_dir),
        packages: |c, p, o| match c.linux_which {
            LinuxWhich::Lkmc => deps::linux_packages(c, p, o),
            LinuxWhich::Distro => distro_kernel::packages(c, p, o),
        },
        // The distro kernel's initramfs holds the guest's BusyBox.
        guest_packages: |c| c.linux_which == LinuxWhich::Distro,
        not_yet: None,
    },
    Target {
        name: "modules",
        help: "kernel modules: ours, named ones (`modules hello`), or a .c file or directory of yours",
        deps: &[],
        build: Some(|j| {
            if j.opts.host {
                modules::build_host(j.opts, j.items, j.config, j.paths, j.exec)
            } else {
                modules::build(j.opts, j.items, j.config, j.paths, j.exec)
            }
        }),
        takes_items: true,
        check: |j| {
            rootfs::buildroot::check_toolchain(j.config, j.paths)?;
            modules::check(j.opts, j.items, j.config, j.paths)
        },
        build_dir: Some(|p| &p.kernel_modules_build_dir),
        packages: deps::no_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "userland",
        help: "userland examples for the arch, or the given files and directories",
        deps: &[],
        build: Some(|j| userland::build(j.opts, j.items, j.config, j.paths, j.exec)),
        takes_items: true,
        check: |j| {
            rootfs::buildroot::check_toolchain(j.config, j.paths)?;
            userland::programs(j.items, j.config, j.paths).map(drop)
        },
        build_dir: Some(|p| &p.userland_build_dir),
        packages: deps::userland_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "rootfs",
        help: "the root filesystem of the --rootfs provider (lkmc's own: BusyBox, sysroot libraries, overlays; ext4, qcow2, cpio)",
        deps: &[],
        build: Some(|j| {
            crate::build::rootfs::get(j.config.rootfs)?.build(j.opts, j.config, j.paths, j.exec)
        }),
        takes_items: false,
        check: |j| crate::build::rootfs::get(j.config.rootfs)?.check(j.opts, j.config, j.paths),
        build_dir: Some(|p| &p.rootfs_build_dir),
        packages: |c, p, o| rootfs::get(c.rootfs)?.packages(c, p, o),
        guest_packages: |_| true,
        not_yet: None,
    },
    Target {
        name: "disk2",
        help: "a second, read-only disk for QEMU: a squashfs of out/rootfs_overlay/ARCH (the built modules and programs); the guest mounts /dev/vdb",
        deps: &[],
        build: Some(|j| disk2::build(j.config, j.paths, j.exec)),
        takes_items: false,
        check: |j| disk2::check(j.opts, j.config, j.paths, j.exec),
        build_dir: Some(|p| &p.disk_image_2),
        packages: disk2::packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "docs",
        help: "README.adoc as HTML with asciidoctor, into out/docs/, once every internal <<link>> of it resolves",
        deps: &[],
        build: Some(|j| docs::build(j.paths, j.exec)),
        takes_items: false,
        check: |j| docs::check(j.paths),
        build_dir: Some(|p| &p.docs_dir),
        packages: docs::packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "baremetal",
        help: "baremetal images (arm, aarch64): ours and the userland examples that run without an OS, or the given files",
        deps: &[],
        build: Some(|j| baremetal::build(j.opts, j.items, j.config, j.paths, j.exec)),
        takes_items: true,
        check: |j| baremetal::check(j.items, j.config, j.paths),
        build_dir: Some(|p| &p.baremetal_build_dir),
        packages: deps::baremetal_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "gem5",
        help: "gem5 for arm and aarch64 (ARM ISA, no Ruby: --gem5-ruby), and its bootloaders",
        deps: &[],
        build: Some(|j| gem5::build(j.opts, j.config, j.paths, j.exec)),
        takes_items: false,
        check: |j| gem5::check(j.config, j.paths),
        build_dir: Some(|p| &p.gem5_out_dir),
        packages: gem5::packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "m5",
        help: "gem5's m5 tool for the guest (m5 exit, m5 checkpoint, ...), in its PATH",
        deps: &[],
        build: Some(|j| gem5::build_m5(j.config, j.paths, j.exec)),
        takes_items: false,
        check: |j| gem5::check_m5(j.config),
        build_dir: Some(|p| &p.m5_build_dir),
        packages: gem5::m5_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "qemu",
        help: "QEMU from source for the arch (system and user mode), for --qemu-which lkmc; words after -- go to its configure",
        deps: &[],
        build: Some(|j| qemu::build(j.opts, j.config, j.paths, j.exec)),
        takes_items: false,
        check: |j| qemu::check(j.paths),
        build_dir: Some(|p| &p.qemu_build_dir),
        packages: qemu::packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "crosstool-ng",
        help: "a bare-metal newlib toolchain (arm, aarch64) for --gcc-which crosstool-ng; words after -- go to ct-ng build",
        deps: &[],
        build: Some(|j| crosstool_ng::build(j.opts, j.config, j.paths, j.exec)),
        takes_items: false,
        check: |j| crosstool_ng::check(j.config, j.paths),
        build_dir: Some(|p| &p.crosstool_ng_buildid_dir),
        packages: crosstool_ng::packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "qemu-linux",
        help: "everything a QEMU Linux run needs (default)",
        deps: &["linux", "modules", "userland", "rootfs"],
        build: None,
        takes_items: false,
        check: no_check,
        build_dir: None,
        packages: deps::qemu_linux_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "gem5-linux",
        help: "everything a gem5 Linux run needs: gem5, the kernel, the guest with m5 (arm, aarch64)",
        deps: &["gem5", "linux", "modules", "userland", "m5", "rootfs"],
        build: None,
        takes_items: false,
        check: no_check,
        build_dir: None,
        packages: deps::no_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "buildroot",
        help: "Buildroot: its toolchain and root filesystem (ext4, qcow2, cpio) with lkmc's overlay, modules and userland as its packages; make targets after --",
        deps: &[],
        build: Some(|j| rootfs::get(Rootfs::Buildroot)?.build(j.opts, j.config, j.paths, j.exec)),
        takes_items: false,
        check: |j| rootfs::buildroot::check(j.opts, j.config, j.paths),
        build_dir: Some(|p| &p.buildroot_build_dir),
        packages: rootfs::buildroot::packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "qemu-buildroot",
        help: "a QEMU Linux run on Buildroot's root filesystem: the kernel, then Buildroot with lkmc's modules, userland and overlay",
        deps: &["linux", "buildroot"],
        build: None,
        takes_items: false,
        check: no_check,
        build_dir: None,
        packages: deps::qemu_linux_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
    Target {
        name: "gem5-buildroot",
        help: "a gem5 Linux run on Buildroot's root filesystem (arm, aarch64): the kernel, m5, Buildroot with lkmc's modules, userland, overlay and m5, gem5",
        deps: &["linux", "m5", "buildroot", "gem5"],
        build: None,
        takes_items: false,
        check: no_check,
        build_dir: None,
        packages: deps::no_packages,
        guest_packages: |_| false,
        not_yet: None,
    },
];

/// The check of a target that refuses nothing of its own.
fn no_check(_: &Job) -> Result<()> {
    Ok(())
}

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
    execute(&Request::new(args)?, configs, exec)
}

/// Carry out one build request for every config.
pub fn execute(req: &Request, configs: &[Config], exec: &Executor) -> Result<()> {
    // After a target that takes items, words that are not target names
    // select what to build of it: `lkmc build modules hello`,
    // `lkmc build userland c/`.
    let mut targets: Vec<String> = Vec::new();
    let mut items: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for t in &req.targets {
        let last = targets.last().and_then(|l| find(l).ok());
        match last {
            Some(last) if find(t).is_err() && last.takes_items => {
                items.entry(last.name).or_default().push(t.clone())
            }
            _ => targets.push(t.clone()),
        }
    }
    let components = resolve(&targets)?;
    if req.print_components {
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
    req.refuse_options_that_do_not_apply(&components)?;
    // A refused build changes nothing (not even the lock file) and installs
    // nothing.
    for config in configs.iter().filter(|_| !req.clean) {
        let paths = Paths::new(config);
        for c in &components {
            (c.check)(&Job {
                opts: &req.opts,
                items: items.get(c.name).map(Vec::as_slice).unwrap_or_default(),
                config,
                paths: &paths,
                exec,
            })?;
        }
    }
    if req.download_dependencies || req.dependencies_only {
        deps::main(&components, configs, exec)?;
        if req.dependencies_only {
            return Ok(());
        }
    }
    if req.clean {
        // Refused cleans change nothing, not even the lock file.
        for config in configs {
            let paths = Paths::new(config);
            for c in components.iter().filter(|c| c.build.is_some()) {
                clean_removal(c, config, &paths)?.check()?;
            }
        }
    }
    let _lock = if exec.dry_run {
        None
    } else {
        Some(lock_out_dir(&configs[0].out_dir)?)
    };
    for config in configs {
        let paths = Paths::new(config);
        for c in components.iter().filter(|c| c.build.is_some()) {
            if req.clean {
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
                plan.push(Step::Remove(clean_removal(c, config, &paths)?));
                exec.execute(&plan)?;
                continue;
            }
            if let Some(build) = c.build {
                build(&Job {
                    opts: &req.opts,
                    items: items.get(c.name).map(Vec::as_slice).unwrap_or_default(),
                    config,
                    paths: &paths,
                    exec,
                })?;
            }
        }
    }
    Ok(())
}

/// One `lkmc build` at a time per out dir: two would write the same build
/// dirs, images and stamps at once. The second waits, and says so.
fn lock_out_dir(out_dir: &std::path::Path) -> Result<std::fs::File> {
    let path = out_dir.join("lock").join("build");
    std::fs::create_dir_all(path.parent().expect("has a parent"))
        .with_context(|| format!("creating {}", out_dir.join("lock").display()))?;
    let f = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))?;
    match f.try_lock() {
        Ok(()) => return Ok(f),
        Err(std::fs::TryLockError::WouldBlock) => eprintln!(
            "another lkmc build is running on {} (it holds {}); waiting for it to finish",
            out_dir.display(),
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
    }
    f.lock()?;
    Ok(f)
}

/// What `--clean` of a component removes: its build dir under out/, or,
/// for `--in-tree` userland, only the generated files next to the sources.
fn clean_removal(target: &Target, config: &Config, paths: &Paths) -> Result<Removal> {
    let name = target.name;
    if name == "userland" && config.in_tree {
        return Ok(remove::in_tree_outputs(
            &paths.userland_build_dir,
            &paths.root_dir,
        ));
    }
    // The image a provider's build dir holds (`buildroot` is Buildroot's
    // whatever --rootfs says).
    let provider = match name {
        "rootfs" => Some((config.rootfs, &paths.rootfs_qcow2_file)),
        "buildroot" => Some((Rootfs::Buildroot, &paths.buildroot_qcow2_file)),
        _ => None,
    };
    if let Some((which, qcow2)) = provider
        && rootfs::get(which)?.persisted_by_user(paths)
    {
        return Err(UsageError::new(format!(
            "{} was changed after lkmc built it (by `lkmc run --disk-persist`?), and \
             --clean would delete it.\nCopy it somewhere to keep it, then delete it yourself \
             and clean again.",
            qcow2.display()
        ))
        .into());
    }
    let dir = target
        .build_dir
        .expect("a target that builds has a build dir")(paths);
    Ok(Removal::under_out(dir, &paths.out_dir, &paths.root_dir))
}
