//! `lkmc build crosstool-ng`: a bare-metal newlib toolchain for the arch
//! (`--gcc-which crosstool-ng`), built by crosstool-NG.
//!
//! The source is `submodules/crosstool-ng` at the ref of
//! configs/sources.toml (a clone when git can reach it), or a tree of the
//! user's (`--crosstool-ng-source-dir`); lkmc writes nothing into it:
//! crosstool-NG's `bootstrap` writes next to its sources, so a copy under
//! out/ (per `--crosstool-ng-build-id`) is bootstrapped, configured and
//! installed into its own prefix there. Then, per arch, ct-ng runs in its
//! own dir with configs/crosstool-ng/ARCH.defconfig plus the paths and the
//! build's settings, and `ct-ng build` makes the toolchain into
//! `crosstool_ng_install_dir`. Source tarballs are looked for, and kept,
//! in one dir shared by every build id (`--crosstool-ng-download-dir`):
//! crosstool-NG takes a tarball found there without downloading it.

use std::path::Path;

use anyhow::Result;

use crate::build::BuildOptions;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::sources;

/// Whether `dir` holds a crosstool-NG source tree.
pub fn is_tree(dir: &Path) -> bool {
    dir.join("bootstrap").is_file()
        && dir.join("ct-ng.in").is_file()
        && dir.join("packages").is_dir()
}

/// The source tree as `sources` sees it.
fn tree(paths: &Paths) -> sources::Tree<'_> {
    sources::Tree {
        name: "crosstool-ng",
        dir: &paths.crosstool_ng_source_dir,
        option: "--crosstool-ng-source-dir",
        what: "crosstool-NG source tree",
        marks: "no bootstrap, ct-ng.in and packages/ there",
        is_tree,
    }
}

/// configs/crosstool-ng/ARCH.defconfig.
fn arch_defconfig(paths: &Paths) -> std::path::PathBuf {
    paths
        .configs_dir
        .join("crosstool-ng")
        .join(format!("{}.defconfig", paths.arch))
}

/// `lkmc build crosstool-ng`'s refusals that need nothing built: an arch
/// lkmc has no baremetal runtime (and so no toolchain config) for, a
/// missing config, a source dir that is not crosstool-NG's.
pub fn check(config: &Config, paths: &Paths) -> Result<()> {
    crate::build::baremetal::facts(config).map_err(|_| {
        UsageError::new(format!(
            "lkmc builds crosstool-NG toolchains for its baremetal images, which are for arm \
             and aarch64; it has no baremetal runtime and no crosstool-NG config for {} \
             (--arch arm or --arch aarch64)",
            config.arch
        ))
    })?;
    let f = arch_defconfig(paths);
    if !f.is_file() {
        return Err(UsageError::new(format!(
            "no crosstool-NG config for {}: {} is missing",
            config.arch,
            f.display()
        ))
        .into());
    }
    sources::check(&tree(paths), paths)
}

/// Fill an empty `submodules/crosstool-ng`, or refuse what is not a tree.
fn plan_source(config: &Config, paths: &Paths, plan: &mut Plan) -> Result<()> {
    match sources::plan_fetch(&config.root, &tree(paths), paths, plan)? {
        sources::Fetch::Unreachable(f) => Err(UsageError::new(format!(
            "no crosstool-NG source: {} is empty and git cannot reach {}.\n\
             Get crosstool-NG {} there yourself (a git clone, or `git archive` of it), or pass \
             --crosstool-ng-source-dir DIR for a tree of your own.",
            paths.crosstool_ng_source_dir.display(),
            f.source.url,
            f.source.git_ref
        ))
        .into()),
        _ => Ok(()),
    }
}

/// The defconfig ct-ng is given: ours for the arch, then what this build
/// decides. Later lines win in a defconfig.
pub fn defconfig(paths: &Paths) -> Result<String> {
    let f = arch_defconfig(paths);
    let mut text =
        std::fs::read_to_string(&f).map_err(|e| anyhow::anyhow!("reading {}: {e}", f.display()))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let q = |p: &Path| format!("\"{}\"", p.display());
    text.push_str(&format!(
        "# Added by lkmc.\n\
         CT_PREFIX_DIR={}\n\
         CT_WORK_DIR={}\n\
         CT_LOCAL_TARBALLS_DIR={}\n\
         CT_SAVE_TARBALLS=y\n\
         # lkmc removes and rebuilds it; a read-only one could not be cleaned.\n\
         # CT_PREFIX_DIR_RO is not set\n\
         # The log and lkmc's progress read lines, not a spinner.\n\
         # CT_LOG_PROGRESS_BAR is not set\n\
         # ct-ng refuses to run as root unless told (containers, CI runners).\n\
         CT_EXPERIMENTAL=y\n\
         CT_ALLOW_BUILD_AS_ROOT=y\n\
         CT_ALLOW_BUILD_AS_ROOT_SURE=y\n",
        q(&paths.crosstool_ng_install_dir),
        q(&paths.crosstool_ng_build_dir),
        q(&paths.crosstool_ng_download_dir),
    ));
    Ok(text)
}

/// The steps that make crosstool-NG itself: copy, bootstrap, configure,
/// make, install. Each runs only when what it makes is missing (all of
/// them with `--force-rebuild`); make and make install always (they are
/// quick when nothing changed).
pub fn tool_plan(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<Plan> {
    let mut plan = Plan::new("build crosstool-NG", paths.log_file("build-crosstool-ng"));
    plan_source(config, paths, &mut plan)?;
    let copy = &paths.crosstool_ng_copy_dir;
    let force = opts.force_rebuild;
    plan.push(Step::Mkdir(copy.clone()));
    plan.cmd(
        "copy the source",
        Cmd::new("cp")
            .args(["-a", "-u"])
            .arg(format!("{}/.", p(&paths.crosstool_ng_source_dir)))
            .arg(p(copy))
            .oneline(),
    );
    if force || !copy.join("configure").is_file() {
        plan.cmd("bootstrap", Cmd::new("./bootstrap").cwd(copy));
    }
    if force || !copy.join("Makefile").is_file() {
        plan.cmd(
            "configure crosstool-NG",
            Cmd::new("./configure")
                .arg(format!("--prefix={}", p(&paths.crosstool_ng_prefix_dir)))
                .cwd(copy),
        );
    }
    plan.cmd(
        "make crosstool-NG",
        Cmd::new("make")
            .line(["-j", &config.nproc.to_string()])
            .cwd(copy),
    );
    plan.cmd(
        "install crosstool-NG",
        Cmd::new("make").arg("install").cwd(copy).oneline(),
    );
    Ok(plan)
}

/// The steps that make the arch's toolchain with ct-ng: none when it is
/// built from the same defconfig (unless `--force-rebuild`).
pub fn toolchain_plan(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<Plan> {
    let mut plan = Plan::new(
        format!("build the {} crosstool-NG toolchain", paths.arch),
        paths.log_file("build-crosstool-ng"),
    );
    let wanted = defconfig(paths)?;
    let have = std::fs::read_to_string(&paths.crosstool_ng_defconfig_file).unwrap_or_default();
    if have == wanted && paths.crosstool_ng_gcc.is_file() && !opts.force_rebuild {
        if !config.quiet {
            eprintln!(
                "crosstool-NG {}: up to date ({})",
                paths.arch,
                paths.crosstool_ng_gcc.display()
            );
        }
        return Ok(plan);
    }
    let dir = &paths.crosstool_ng_config_dir;
    plan.push(Step::Mkdir(paths.crosstool_ng_download_dir.clone()));
    plan.push(Step::Write {
        path: paths.crosstool_ng_defconfig_file.clone(),
        contents: wanted,
        executable: false,
    });
    plan.cmd(
        "ct-ng defconfig",
        Cmd::new(p(&paths.crosstool_ng_executable))
            .arg("defconfig")
            .cwd(dir)
            .oneline(),
    );
    // ct-ng refuses to run with LD_LIBRARY_PATH set (it would leak into
    // the host tools it builds).
    plan.cmd(
        format!("ct-ng build {}", paths.arch),
        Cmd::new("env")
            .line(["-u", "LD_LIBRARY_PATH"])
            .arg(p(&paths.crosstool_ng_executable))
            .arg(format!("build.{}", config.nproc))
            .args(&opts.make_args)
            .cwd(dir),
    );
    Ok(plan)
}

/// Programs crosstool-NG's bootstrap and configure need, with their
/// packages: its bootstrap carries on without autoreconf and leaves no
/// configure behind, so they are checked before it starts.
const TOOLS: &[(&str, &str)] = &[
    ("autoreconf", "autoconf"),
    ("automake", "automake"),
    ("libtoolize", "libtool"),
    ("makeinfo", "texinfo"),
    ("help2man", "help2man"),
    ("gperf", "gperf"),
    ("bison", "bison"),
    ("flex", "flex"),
    ("gawk", "gawk"),
];

/// The refusal when a tool of [`TOOLS`] is missing (real builds only).
fn check_tools(config: &Config) -> Result<()> {
    if config.dry_run {
        return Ok(());
    }
    let missing: Vec<String> = TOOLS
        .iter()
        .filter(|(tool, _)| which::which(tool).is_err())
        .map(|(tool, pkg)| format!("{tool} (package {pkg})"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "crosstool-NG cannot be bootstrapped: {} not installed.
         Install them with: lkmc build --download-dependencies --arch {} crosstool-ng",
        missing.join(", "),
        config.arch
    ))
    .into())
}

/// `lkmc build crosstool-ng` for one arch.
pub fn build(opts: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    check(config, paths)?;
    check_tools(config)?;
    exec.execute(&tool_plan(opts, config, paths)?)?;
    exec.execute(&toolchain_plan(opts, config, paths)?)
}

/// The refusal of `--gcc-which crosstool-ng` before the toolchain is built
/// (real builds only: a dry run prints the plan regardless).
pub fn check_built(config: &Config, paths: &Paths) -> Result<()> {
    if config.dry_run || paths.crosstool_ng_gcc.is_file() {
        return Ok(());
    }
    let mut cmd = format!("lkmc build --arch {} crosstool-ng", config.arch);
    if config.build_ids.crosstool_ng != "default" {
        cmd.push_str(&format!(
            " --crosstool-ng-build-id {}",
            config.build_ids.crosstool_ng
        ));
    }
    Err(UsageError::new(format!(
        "--gcc-which crosstool-ng: the {} crosstool-NG toolchain is not built ({} is missing).\n\
         Build it with: {cmd} (an hour or more the first time), or use the distro's compilers \
         (--gcc-which host)",
        config.arch,
        paths.crosstool_ng_gcc.display()
    ))
    .into())
}

/// crosstool-NG's build dependencies, Debian's names (its docs'
/// list for Debian, and what its configure checks for).
pub fn packages(_: &Config, _: &Paths, out: &mut crate::build::deps::Packages) -> Result<()> {
    let others = [
        "libtool-bin",
        "libncurses-dev",
        "make",
        "patch",
        "unzip",
        "xz-utils",
        "bzip2",
        "wget",
        "g++",
        "python3-dev",
    ];
    for pkg in TOOLS.iter().map(|(_, pkg)| *pkg).chain(others) {
        out.add(pkg, "crosstool-NG build");
    }
    Ok(())
}
