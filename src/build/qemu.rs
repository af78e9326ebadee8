//! `lkmc build qemu`: QEMU from source, for `--qemu-which lkmc`.
//!
//! The source is `submodules/qemu` at the ref of configs/sources.toml (a
//! clone when git can reach it), or a tree of the user's
//! (`--qemu-source-dir`); lkmc writes nothing into it: QEMU's configure
//! runs in a build dir under out/, one per build id (`--qemu-build-id`),
//! build type (`--qemu-build-type`: opt, or debug with `--enable-debug`)
//! and arch, with the arch's system and user-mode targets only (those lkmc
//! runs), so that builds for two archs never reconfigure each other. The
//! words after `--` go to configure (e.g. `--disable-download` offline).
//! configure runs again only when its command line changed; then ninja
//! builds, which does nothing when nothing changed.

use std::path::Path;

use anyhow::Result;

use crate::build::BuildOptions;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::provider::QemuBuildType;
use crate::facts::{Emulator, machine};
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::sources;

/// Whether `dir` holds a QEMU source tree.
pub fn is_tree(dir: &Path) -> bool {
    dir.join("configure").is_file()
        && dir.join("qemu-options.hx").is_file()
        && dir.join("target/arm").is_dir()
}

fn tree(paths: &Paths) -> sources::Tree<'_> {
    sources::Tree {
        name: "qemu",
        dir: &paths.qemu_source_dir,
        option: "--qemu-source-dir",
        what: "QEMU source tree",
        marks: "no configure, qemu-options.hx and target/arm there",
        is_tree,
    }
}

/// `lkmc build qemu`'s refusal that needs nothing built: a source dir
/// that is not QEMU's.
pub fn check(paths: &Paths) -> Result<()> {
    sources::check(&tree(paths), paths)
}

fn plan_source(config: &Config, paths: &Paths, plan: &mut Plan) -> Result<()> {
    match sources::plan_fetch(&config.root, &tree(paths), paths, plan)? {
        sources::Fetch::Unreachable(f) => Err(UsageError::new(format!(
            "no QEMU source: {} is empty and git cannot reach {}.\n\
             Clone QEMU {} there yourself, or pass --qemu-source-dir DIR for a tree of your own \
             (e.g. Debian's: apt-get source qemu).",
            paths.qemu_source_dir.display(),
            f.source.url,
            f.source.git_ref
        ))
        .into()),
        _ => Ok(()),
    }
}

/// The QEMU targets lkmc runs for the arch: the full-system emulator and
/// the user-mode one.
pub fn target_list(config: &Config) -> String {
    let t = machine(config.arch, Emulator::Qemu).target;
    format!("{t}-softmmu,{t}-linux-user")
}

/// Where distros put ccache's compiler-named links.
const CCACHE_LINK_DIRS: &[&str] = &[
    "/usr/lib/ccache",
    "/usr/lib64/ccache",
    "/usr/local/lib/ccache",
];

/// QEMU's configure takes its compilers from CC and CXX: ccache's
/// compiler-named links when ccache is installed.
fn with_ccache(cmd: Cmd) -> Cmd {
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

/// The configure command for the arch's build dir.
pub fn configure_cmd(opts: &BuildOptions, config: &Config, paths: &Paths) -> Cmd {
    let mut c = Cmd::new(p(&paths.qemu_source_dir.join("configure")))
        .arg(format!("--target-list={}", target_list(config)))
        // lkmc's boots need user networking (-netdev user) and the 9P
        // shares (-virtfs): fail at configure rather than build a QEMU
        // that cannot boot lkmc's guests.
        .line(["--enable-slirp", "--enable-virtfs"]);
    if config.qemu_build_type == QemuBuildType::Debug {
        c = c.arg("--enable-debug");
    }
    with_ccache(c.line(&opts.make_args).cwd(&paths.qemu_build_dir))
}

/// The configure line lkmc last ran in the build dir.
fn stamp(paths: &Paths) -> std::path::PathBuf {
    paths.qemu_build_dir.join("lkmc-configure.sh")
}

/// The steps that configure (when needed) and build QEMU for one arch.
pub fn plan(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<Plan> {
    let mut plan = Plan::new("build QEMU", paths.log_file("build-qemu"));
    plan_source(config, paths, &mut plan)?;
    let configure = configure_cmd(opts, config, paths);
    // Without the compilers: ccache coming or going changes no setting.
    let mut bare = configure.clone();
    bare.env.clear();
    let line = format!("{}\n", bare.render(true));
    let have = std::fs::read_to_string(stamp(paths)).unwrap_or_default();
    let configured = paths.qemu_build_dir.join("build.ninja").is_file();
    if have != line || !configured || opts.force_rebuild {
        plan.push(Step::Mkdir(paths.qemu_build_dir.clone()));
        plan.cmd("configure QEMU", configure);
        plan.push(Step::Write {
            path: stamp(paths),
            contents: line,
            executable: false,
        });
    }
    let mut ninja = Cmd::new("ninja")
        .line(["-C", &p(&paths.qemu_build_dir)])
        .line(["-j", &config.nproc.to_string()]);
    if config.verbose {
        ninja = ninja.arg("-v");
    }
    plan.cmd(format!("QEMU {}", target_list(config)), ninja);
    Ok(plan)
}

/// `lkmc build qemu` for one arch.
pub fn build(opts: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    check(paths)?;
    exec.execute(&plan(opts, config, paths)?)
}

/// The refusal of `--qemu-which lkmc` before lkmc's QEMU for the arch is
/// built (real runs only): the command that builds it, with the options
/// that select it.
pub fn check_built(paths: &Paths) -> Result<()> {
    if paths.qemu_which != "lkmc" {
        return Ok(());
    }
    let missing: Vec<String> = [&paths.qemu_executable, &paths.qemu_user_executable]
        .into_iter()
        .filter(|p| !p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "--qemu-which lkmc: lkmc's QEMU for {} is not built ({} missing).\n\
         Build it with: {}, or leave --qemu-which out to run the distro's QEMU",
        paths.arch,
        missing.join(" and "),
        paths.qemu_build_cmd
    ))
    .into())
}

/// QEMU's build dependencies, Debian's names. On bookworm, meson must come
/// from bookworm-backports (QEMU 10 needs 1.5 or later).
pub fn packages(_: &Config, _: &Paths, out: &mut crate::build::deps::Packages) -> Result<()> {
    for pkg in [
        "ninja-build",
        "meson",
        "pkg-config",
        "python3-venv",
        "python3-pycotap",
        "libglib2.0-dev",
        "libpixman-1-dev",
        "libslirp-dev",
        "libcap-ng-dev",
        "libattr1-dev",
        "libfdt-dev",
        "flex",
        "bison",
        "gcc",
        "g++",
    ] {
        out.add(pkg, "QEMU build");
    }
    out.add("ccache", "faster QEMU rebuilds");
    Ok(())
}
