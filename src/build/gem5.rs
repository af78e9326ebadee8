//! `lkmc build gem5`: gem5 for the ARM ISA (lkmc's arm and aarch64
//! guests) and its bootloaders; `lkmc build m5`: gem5's `m5` guest tool.
//!
//! The source is `submodules/gem5` at the ref of configs/sources.toml (a
//! clone when git can reach it), or a tree of the user's
//! (`--gem5-source-dir`); lkmc writes nothing into it. gem5's own Kconfig
//! decides the build: configs/gem5/ARM.config (no Ruby), plus ruby.config
//! with `--gem5-ruby`, merged into one defconfig file under out/ and handed
//! to `scons defconfig` when it changed; then `scons VARIANT/gem5.TYPE`,
//! with the build dir under out/. With `--gem5-build-dir` lkmc builds no
//! gem5: it checks that one is there.
//!
//! The bootloaders (system/arm/bootloader) and m5 (util/m5) are built with
//! the distro's cross compilers into out/: m5 from a copy of util/m5, since
//! its scons build writes next to its sources.

use std::path::Path;

use anyhow::Result;

use crate::build::BuildOptions;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::Arch;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::sources;

/// Whether `dir` holds a gem5 source tree.
pub fn is_tree(dir: &Path) -> bool {
    dir.join("SConstruct").is_file() && dir.join("src/arch/arm").is_dir()
}

/// lkmc runs gem5 for these guests only (one ISA build serves both).
fn check_arch(config: &Config) -> Result<()> {
    if matches!(config.arch, Arch::Arm | Arch::Aarch64) {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "lkmc builds and runs gem5 for arm and aarch64 guests, not {} (--arch arm or --arch aarch64)",
        config.arch
    ))
    .into())
}

/// Fill an empty `submodules/gem5`, or refuse what is not a gem5 tree.
fn plan_source(config: &Config, paths: &Paths, plan: &mut Plan) -> Result<()> {
    let tree = sources::Tree {
        name: "gem5",
        dir: &paths.gem5_source_dir,
        option: "--gem5-source-dir",
        what: "gem5 source tree",
        marks: "no SConstruct and src/arch/arm there",
        is_tree,
    };
    match sources::plan_fetch(&config.root, &tree, paths, plan)? {
        sources::Fetch::Unreachable(f) => Err(UsageError::new(format!(
            "no gem5 source: {} is empty and git cannot reach {}.\n\
             Clone gem5 {} there yourself, or pass --gem5-source-dir DIR for a tree of your own.",
            paths.gem5_source_dir.display(),
            f.source.url,
            f.source.git_ref
        ))
        .into()),
        _ => Ok(()),
    }
}

/// The defconfig lkmc hands to gem5: our fragments, concatenated.
fn defconfig(config: &Config, ruby: bool) -> Result<String> {
    let dir = config.root.join("configs/gem5");
    let mut text = String::new();
    for name in ["ARM.config"]
        .into_iter()
        .chain(ruby.then_some("ruby.config"))
    {
        let f = dir.join(name);
        text.push_str(
            &std::fs::read_to_string(&f)
                .map_err(|e| anyhow::anyhow!("reading {}: {e}", f.display()))?,
        );
    }
    Ok(text)
}

/// Where distros put ccache's compiler-named links (Debian, Fedora, source
/// installs).
const CCACHE_LINK_DIRS: &[&str] = &[
    "/usr/lib/ccache",
    "/usr/lib64/ccache",
    "/usr/local/lib/ccache",
];

/// `CC`/`CXX` for scons (gem5 takes them from the environment): through
/// ccache when it is installed. They must name one program each, not
/// `ccache g++`: gem5's SConstruct runs `[CXX, '--version']` to tell gcc
/// from clang, so ccache comes in through its compiler-named links.
fn with_compilers(cmd: Cmd) -> Cmd {
    if which::which("ccache").is_err() {
        return cmd;
    }
    match CCACHE_LINK_DIRS
        .iter()
        .map(Path::new)
        .find(|d| d.join("g++").exists() && d.join("gcc").exists())
    {
        Some(dir) => cmd
            .env("CC", dir.join("gcc").display().to_string())
            .env("CXX", dir.join("g++").display().to_string()),
        None => cmd,
    }
}

/// The steps that configure and build gem5 itself.
pub fn scons_plan(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<Plan> {
    let mut plan = Plan::new("build gem5", paths.log_file("build-gem5"));
    plan_source(config, paths, &mut plan)?;
    let wanted = defconfig(config, opts.gem5_ruby)?;
    let have = std::fs::read_to_string(&paths.gem5_defconfig_file).unwrap_or_default();
    let configured = paths.gem5_variant_dir.join("gem5.build/config").is_file();
    if have != wanted || !configured || opts.force_rebuild {
        plan.push(Step::Write {
            path: paths.gem5_defconfig_file.clone(),
            contents: wanted,
            executable: false,
        });
        plan.cmd(
            "configure gem5",
            Cmd::new("scons")
                .arg("defconfig")
                .arg(p(&paths.gem5_variant_dir))
                .arg(p(&paths.gem5_defconfig_file))
                .cwd(&paths.gem5_source_dir),
        );
    }
    let target = paths.gem5_executable.clone();
    let build = Cmd::new("scons")
        .line(["-j", &config.nproc.to_string()])
        // The link of gem5.opt is where a small machine runs out of memory.
        .arg("--limit-ld-memory-usage")
        .args(&opts.make_args)
        .arg(p(&target))
        .cwd(&paths.gem5_source_dir);
    plan.cmd(
        format!("gem5 {}", target.file_name().unwrap_or_default().display()),
        with_compilers(build),
    );
    Ok(plan)
}

/// The steps that build the arch's gem5 bootloader into the system dir
/// (`M5_PATH/binaries`), without writing into the source tree.
pub fn bootloader_plan(paths: &Paths) -> Plan {
    let mut plan = Plan::new("build gem5 bootloader", paths.log_file("build-gem5"));
    let src = paths.gem5_source_dir.join("system/arm/bootloader");
    let binaries = paths.gem5_system_dir.join("binaries");
    let build = paths.gem5_bootloader_build_dir.join(&paths.arch);
    plan.push(Step::Mkdir(build.clone()));
    plan.push(Step::Mkdir(binaries.clone()));
    let cross = format!("CROSS_COMPILE={}", paths.cross_compile);
    if paths.arch == "aarch64" {
        plan.cmd(
            "bootloader",
            Cmd::new("make")
                .line(["-C", &p(&src.join("arm64"))])
                .arg(format!("BUILDDIR={}", p(&build)))
                .arg(format!("DESTDIR={}", p(&binaries)))
                .arg(cross)
                .args(["all", "install"]),
        );
    } else {
        // The 32-bit makefile builds in its own dir and defaults to the
        // arm-linux-gnueabi- prefix, which Debian's armhf compiler lacks.
        let dir = src.join("arm");
        plan.cmd(
            "bootloader",
            Cmd::new("make")
                .line(["-C", &p(&build)])
                .line(["-f", &p(&dir.join("makefile"))])
                .arg(format!("VPATH={}", p(&dir)))
                .arg(cross),
        );
        plan.cmd(
            "install bootloader",
            Cmd::new("cp")
                .arg("-p")
                .args(["boot.arm", "boot_emm.arm"].map(|f| p(&build.join(f))))
                .arg(p(&binaries))
                .oneline(),
        );
    }
    plan
}

/// `lkmc build gem5`'s refusals that need nothing built: the arch, and a
/// gem5 build dir of the user's that holds no gem5.
pub fn check(config: &Config, paths: &Paths) -> Result<()> {
    check_arch(config)?;
    if config.gem5_build_dir.is_some() && !config.dry_run && !paths.gem5_executable.is_file() {
        return Err(UsageError::new(format!(
            "--gem5-build-dir: {} is not there; build that gem5 first \
             (scons {}), or leave --gem5-build-dir out and let lkmc build one",
            paths.gem5_executable.display(),
            paths.gem5_executable.display()
        ))
        .into());
    }
    if config.gem5_build_dir.is_some() && !is_tree(&paths.gem5_source_dir) {
        return Err(UsageError::new(format!(
            "the gem5 bootloaders are built from gem5's source, and {} holds none; \
             pass --gem5-source-dir DIR (the tree your gem5 was built from)",
            paths.gem5_source_dir.display()
        ))
        .into());
    }
    Ok(())
}

/// `lkmc build gem5` for one arch.
pub fn build(opts: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    check(config, paths)?;
    if config.gem5_build_dir.is_none() {
        exec.execute(&scons_plan(opts, config, paths)?)?;
    }
    exec.execute(&bootloader_plan(paths))
}

/// The steps that build `m5` for the arch and put it in the guest's PATH.
pub fn m5_plan(config: &Config, paths: &Paths) -> Result<Plan> {
    let mut plan = Plan::new("build m5", paths.log_file("build-m5"));
    plan_source(config, paths, &mut plan)?;
    let src = &paths.gem5_source_dir;
    let tree = &paths.m5_build_dir;
    // util/m5's SConstruct finds include/ and ext/googletest two dirs up.
    plan.push(Step::Mkdir(tree.join("util")));
    plan.push(Step::Mkdir(tree.join("ext")));
    plan.cmd(
        "copy util/m5",
        Cmd::new("cp")
            .arg("-a")
            .arg("-u")
            .arg(p(&src.join("util/m5")))
            .arg(p(&tree.join("util")))
            .oneline(),
    );
    for (link, to) in [("include", "include"), ("ext/googletest", "ext/googletest")] {
        plan.cmd(
            "link",
            Cmd::new("ln")
                .args(["-sfn", &p(&src.join(to)), &p(&tree.join(link))])
                .oneline(),
        );
    }
    let abi = crate::facts::machine::M5_ABI[config.arch.index()];
    let mut scons = Cmd::new("scons")
        .line(["-C", &p(&tree.join("util/m5"))])
        .line(["-j", &config.nproc.to_string()]);
    if !paths.cross_compile.is_empty() {
        scons = scons.arg(format!("{abi}.CROSS_COMPILE={}", paths.cross_compile));
    }
    plan.cmd("m5", scons.arg(format!("build/{abi}/out/m5")));
    let guest_bin = paths.guest_m5_file.parent().expect("has a parent");
    plan.push(Step::Mkdir(guest_bin.to_path_buf()));
    plan.cmd(
        "install into the guest overlay",
        Cmd::new("cp")
            .args(["-p", &p(&paths.m5_executable), &p(&paths.guest_m5_file)])
            .oneline(),
    );
    Ok(plan)
}

/// `lkmc build m5`'s refusal that needs nothing built: the arch.
pub fn check_m5(config: &Config) -> Result<()> {
    check_arch(config)
}

/// `lkmc build m5` for one arch.
pub fn build_m5(config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    check_m5(config)?;
    exec.execute(&m5_plan(config, paths)?)
}

/// gem5's build and run dependencies, Debian's names.
pub fn packages(config: &Config, _: &Paths, out: &mut crate::build::deps::Packages) -> Result<()> {
    for pkg in [
        "scons",
        "python3-dev",
        "m4",
        "zlib1g-dev",
        "libprotobuf-dev",
        "protobuf-compiler",
        "libgoogle-perftools-dev",
        "libpng-dev",
        "libboost-dev",
        "pkg-config",
        "g++",
    ] {
        out.add(pkg, "gem5 build");
    }
    out.add("ccache", "faster gem5 rebuilds");
    out.add(
        config.arch.facts().gcc_package,
        "cross compiler for the gem5 bootloader",
    );
    Ok(())
}

/// m5's build dependencies: scons and the guest arch's C++ cross compiler.
pub fn m5_packages(
    config: &Config,
    _: &Paths,
    out: &mut crate::build::deps::Packages,
) -> Result<()> {
    out.add("scons", "m5 build");
    out.add(config.arch.facts().gxx_package, "C++ cross compiler for m5");
    Ok(())
}
