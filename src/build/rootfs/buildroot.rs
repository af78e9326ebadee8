//! Buildroot, the second root filesystem provider (`--rootfs buildroot`,
//! `lkmc build buildroot`): the original's root filesystem and toolchain.
//!
//! The source is `submodules/buildroot` at the release pinned in
//! configs/sources.toml (cloned when git can reach it), or a tree of the
//! user's (`--buildroot-source-dir`); lkmc writes nothing into it. Each arch
//! and build id builds out of tree (`make O=out/buildroot/build/ID/ARCH`),
//! with lkmc's `BR2_EXTERNAL` tree (`buildroot_external/`: a package for
//! each thing lkmc puts in the guest, built from lkmc's own dirs).
//!
//! The .config: configs/buildroot/ARCH.config, then default.config, the
//! user's `--buildroot-config-fragment`s, what lkmc sets (download dir,
//! mirror, jobs) and the user's `--buildroot-config` lines, merged with
//! Buildroot's own `support/kconfig/merge_config.sh`, then `make
//! olddefconfig`; every option the user asked for must have survived, or
//! lkmc names those Kconfig dropped (a default of lkmc's that the user's
//! options displaced is only noted). Reconfigured only when those inputs
//! change.
//!
//! The build: `make` with lkmc's packages rebuilt (an edit of lkmc's is
//! seconds, not a package rebuild), then the qcow2 QEMU boots; or, after
//! `--`, only the make targets the user named. Progress comes from
//! Buildroot's `>>> pkg version step` lines; a failure names the package,
//! and a failed download the file, its URLs and how to supply it.
//! Downloads go to one dir shared by every arch and build id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::build::BuildOptions;
use crate::build::deps::Packages;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::provider::GccWhich;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::sources;

/// Records the qcow2 lkmc last wrote (size and mtime), to notice later writes.
const STAMP: &str = "qcow2_stamp";

/// lkmc's packages, in `buildroot_external/package/`: rebuilt on every
/// `lkmc build buildroot` that builds everything (they rsync lkmc's dirs).
const LKMC_PACKAGES: &[(&str, &str)] = &[
    ("lkmc-overlay", "BR2_PACKAGE_LKMC_OVERLAY"),
    ("lkmc-modules", "BR2_PACKAGE_LKMC_MODULES"),
    ("lkmc-userland", "BR2_PACKAGE_LKMC_USERLAND"),
];

/// Whether `dir` holds a Buildroot source tree.
pub fn is_tree(dir: &Path) -> bool {
    dir.join("Makefile").is_file()
        && dir.join("support/kconfig/merge_config.sh").is_file()
        && dir.join("package/Config.in").is_file()
}

fn tree(paths: &Paths) -> sources::Tree<'_> {
    sources::Tree {
        name: "buildroot",
        dir: &paths.buildroot_source_dir,
        option: "--buildroot-source-dir",
        what: "Buildroot source tree",
        marks: "no Makefile, package/Config.in and support/kconfig/merge_config.sh there",
        is_tree,
    }
}

/// One line of a Buildroot .config or fragment: `BR2_X=value` or
/// `# BR2_X is not set` (None).
pub fn parse_config_line(line: &str) -> Option<(String, Option<String>)> {
    let line = line.trim();
    let valid = |k: &str| {
        k.starts_with("BR2_")
            && k.len() > 4
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

/// The download dir: `--buildroot-dl-dir`, or the one every build shares.
pub fn dl_dir(opts: &BuildOptions, paths: &Paths) -> PathBuf {
    opts.buildroot
        .dl_dir
        .clone()
        .unwrap_or_else(|| paths.buildroot_download_dir.clone())
}

/// `lkmc build buildroot`'s refusals that need nothing built: fragments and
/// override trees that are not there, a source dir that is not Buildroot.
pub fn check(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<()> {
    if let Some(name) = opts.guest_packages.first() {
        return Err(UsageError::new(format!(
            "--guest-package {name}: is for lkmc's own rootfs (--rootfs lkmc); Buildroot's \
             packages are options: --buildroot-config BR2_PACKAGE_{}=y",
            name.to_uppercase().replace(['-', '.', '+'], "_")
        ))
        .into());
    }
    for f in &opts.buildroot.fragments {
        if !f.is_file() {
            return Err(UsageError::new(format!(
                "--buildroot-config-fragment {}: no such file",
                f.display()
            ))
            .into());
        }
    }
    for (pkg, dir) in &opts.buildroot.overrides {
        if !dir.is_dir() {
            return Err(UsageError::new(format!(
                "--buildroot-override {pkg}={}: no such directory (the source tree to build \
                 {pkg} from)",
                dir.display()
            ))
            .into());
        }
    }
    if !is_tree(&paths.buildroot_source_dir) {
        if opts.installs_dependencies {
            // Host packages come first; the build refuses a missing source.
            sources::check(&tree(paths), paths)?;
        } else {
            // No tree and none to be had: refused before the out dir's lock
            // is taken (the clone itself is planned by the build).
            plan_source(config, paths, &mut Plan::new("", PathBuf::new()))?;
        }
    }
    Ok(())
}

/// Fill an empty `submodules/buildroot`, or refuse.
fn plan_source(config: &Config, paths: &Paths, plan: &mut Plan) -> Result<()> {
    match sources::plan_fetch(&config.root, &tree(paths), paths, plan)? {
        sources::Fetch::Unreachable(f) => Err(UsageError::new(format!(
            "no Buildroot source: {} is empty and git cannot reach {}.\n\
             Clone Buildroot {} there yourself (or unpack its release tarball, \
             buildroot-{}.tar.gz from https://buildroot.org/downloads/), \
             or pass --buildroot-source-dir DIR for a tree of your own.",
            paths.buildroot_source_dir.display(),
            f.source.url,
            f.source.git_ref,
            f.source.git_ref
        ))
        .into()),
        _ => Ok(()),
    }
}

/// The config inputs, in merge order: the arch's base, lkmc's default, the
/// user's fragments, then the two lkmc writes (its settings, the user's lines).
pub struct ConfigInputs {
    pub base: PathBuf,
    pub fragments: Vec<PathBuf>,
    /// lkmc's settings: download dir, mirror, jobs.
    pub lkmc: String,
    /// The user's `--buildroot-config` lines.
    pub user: String,
}

impl ConfigInputs {
    pub fn new(opts: &BuildOptions, config: &Config, paths: &Paths) -> ConfigInputs {
        let dir = &paths.buildroot_configs_dir;
        let mut fragments = vec![dir.join("default.config")];
        fragments.extend(opts.buildroot.fragments.iter().cloned());
        let mut lkmc = String::from("# Written by lkmc build buildroot.\n");
        lkmc.push_str(&format!(
            "BR2_DL_DIR=\"{}\"\n",
            dl_dir(opts, paths).display()
        ));
        if let Some(site) = &opts.buildroot.primary_site {
            lkmc.push_str(&format!("BR2_PRIMARY_SITE=\"{site}\"\n"));
        }
        lkmc.push_str(&format!("BR2_JLEVEL={}\n", config.nproc));
        let mut user = String::from("# lkmc build --buildroot-config\n");
        for line in &opts.buildroot.config {
            user.push_str(line.trim());
            user.push('\n');
        }
        ConfigInputs {
            base: dir.join(format!("{}.config", paths.arch)),
            fragments,
            lkmc,
            user,
        }
    }

    fn lkmc_file(paths: &Paths) -> PathBuf {
        paths.buildroot_lkmc_dir.join("lkmc.config")
    }

    fn user_file(paths: &Paths) -> PathBuf {
        paths.buildroot_lkmc_dir.join("user.config")
    }

    /// Every input's text, to tell whether the .config must be remade.
    fn fingerprint(&self) -> Result<String> {
        let mut s = String::new();
        for f in std::iter::once(&self.base).chain(&self.fragments) {
            s.push_str(&format!("## {}\n{}", f.display(), read(f)?));
        }
        s.push_str(&self.lkmc);
        s.push_str(&self.user);
        Ok(s)
    }

    /// What was asked for, by option, with who asked (the last wins).
    pub fn requested(&self) -> Result<BTreeMap<String, Asked>> {
        let mut out = BTreeMap::new();
        let mut add = |text: &str, from: String, by_user: bool| {
            for (k, value) in text.lines().filter_map(parse_config_line) {
                let from = from.clone();
                out.insert(
                    k,
                    Asked {
                        value,
                        from,
                        by_user,
                    },
                );
            }
        };
        for (i, f) in std::iter::once(&self.base)
            .chain(&self.fragments)
            .enumerate()
        {
            // The arch's base and default.config are lkmc's; the rest the user's.
            add(&read(f)?, f.display().to_string(), i >= 2);
        }
        add(&self.lkmc, "lkmc's settings".to_string(), false);
        add(&self.user, "--buildroot-config".to_string(), true);
        Ok(out)
    }

    /// Whether the user asked for anything (fragments, lines).
    fn user_asked(&self) -> bool {
        self.fragments.len() > 1 || self.user.lines().any(|l| parse_config_line(l).is_some())
    }
}

/// One requested option.
pub struct Asked {
    /// Its value (None: `# ... is not set`).
    pub value: Option<String>,
    /// The file or option that asked for it.
    pub from: String,
    /// Asked by the user's fragments or lines, not lkmc's defaults.
    pub by_user: bool,
}

fn read(f: &Path) -> Result<String> {
    std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))
}

fn fingerprint_file(paths: &Paths) -> PathBuf {
    paths.buildroot_lkmc_dir.join("config_inputs")
}

/// `make` in the Buildroot tree with the out-of-tree build dir and lkmc's
/// external tree.
pub fn make(paths: &Paths) -> Cmd {
    Cmd::new("make")
        .arg("--no-print-directory")
        .line(["-C", &p(&paths.buildroot_source_dir)])
        .arg(format!("O={}", p(&paths.buildroot_build_dir)))
        .arg(format!("BR2_EXTERNAL={}", p(&paths.buildroot_external_dir)))
}

/// The steps that make the .config (when `reconfigure`).
pub fn configure_plan(inputs: &ConfigInputs, opts: &BuildOptions, paths: &Paths) -> Plan {
    let mut plan = Plan::new("configure buildroot", paths.buildroot_log_file.clone());
    plan.push(Step::Mkdir(paths.buildroot_lkmc_dir.clone()));
    plan.push(Step::Mkdir(dl_dir(opts, paths)));
    let lkmc = ConfigInputs::lkmc_file(paths);
    let user = ConfigInputs::user_file(paths);
    plan.push(Step::Write {
        path: lkmc.clone(),
        contents: inputs.lkmc.clone(),
        executable: false,
    });
    plan.push(Step::Write {
        path: user.clone(),
        contents: inputs.user.clone(),
        executable: false,
    });
    // merge_config.sh is the kernel's: CONFIG_ names the option prefix.
    plan.cmd(
        "merge fragments",
        Cmd::new(p(&paths
            .buildroot_source_dir
            .join("support/kconfig/merge_config.sh")))
        .env("CONFIG_", "BR2_")
        .arg("-m")
        .line(["-O", &p(&paths.buildroot_build_dir)])
        .arg(p(&inputs.base))
        .args(inputs.fragments.iter().map(|f| p(f)))
        .arg(p(&lkmc))
        .arg(p(&user)),
    );
    plan.cmd("olddefconfig", make(paths).arg("olddefconfig"));
    plan
}

/// The make variables lkmc's packages read (see buildroot_external/external.mk).
fn lkmc_make_vars(paths: &Paths) -> Vec<String> {
    let modules: Vec<String> = crate::build::modules::our_modules(paths)
        .iter()
        .map(|m| format!("{m}.o"))
        .collect();
    let mounts: Vec<String> = crate::guest::nine_p_shares(paths)
        .iter()
        .map(|(_, tag)| crate::guest::nine_p_mount_point(tag))
        .collect();
    vec![
        format!("LKMC_LINUX_BUILD_DIR={}", p(&paths.linux_build_dir)),
        format!("LKMC_LINUX_ARCH={}", paths.linux_arch),
        format!("LKMC_KERNEL_CROSS_COMPILE={}", kernel_cross_compile(paths)),
        format!("LKMC_MODULES={}", modules.join(" ")),
        format!("LKMC_USERLAND_MK={}", p(&userland_mk_file(paths))),
        format!("LKMC_MOUNT_POINTS={}", mounts.join(" ")),
        format!("LKMC_M5={}", p(&paths.guest_m5_file)),
    ]
}

/// The compiler the kernel was built with, as kbuild's CROSS_COMPILE: its
/// modules must be built with it.
fn kernel_cross_compile(paths: &Paths) -> String {
    paths.cross_compile.clone()
}

fn userland_mk_file(paths: &Paths) -> PathBuf {
    paths.buildroot_lkmc_dir.join("userland.mk")
}

/// The makefile lkmc-userland builds with: lkmc's userland programs for the
/// arch with their flags from configs/userland.toml, as `lkmc build
/// userland` compiles them (but without -Werror: Buildroot's compiler is not
/// the one the examples are kept warning-free with).
pub fn userland_mk(config: &Config, paths: &Paths) -> Result<String> {
    let src = &paths.userland_source_dir;
    let rel = |f: &Path| -> String { p(f.strip_prefix(src).unwrap_or(f)) };
    let mut mk = format!(
        "# Written by lkmc build buildroot for {}: lkmc's userland, from\n\
         # configs/userland.toml. Run in a copy of userland/ with CC, CXX, AR, OUT.\n\
         COMMON = -O0 -g3 -Wall -Wextra -I include -I {}\n\
         CFLAGS_C = -std=gnu11 $(COMMON)\n\
         CFLAGS_CXX = -std=gnu++17 $(COMMON)\n\
         LIB = $(OUT)/lib/liblkmc.a\n",
        paths.arch,
        p(&paths.kernel_modules_source_dir)
    );
    let lib_srcs = crate::build::objects::sources_in(&src.join("lib"), &["c"]);
    let programs = crate::build::userland::programs(&[], config, paths)?;
    let outs: Vec<String> = programs
        .iter()
        .map(|prog| format!("$(OUT)/{}", rel(&prog.src.with_extension("out"))))
        .collect();
    let objs: Vec<String> = lib_srcs
        .iter()
        .map(|s| format!("$(OUT)/{}", rel(&s.with_extension("o"))))
        .collect();
    mk.push_str(&format!(
        "LIBS = $(LIB) -lm -pthread\n\
         .PHONY: all\n\
         all: $(LIB) {}\n\
         $(LIB): {}\n\
         \tmkdir -p $(@D) && rm -f $@ && $(AR) rcs $@ $^\n\
         $(OUT)/lib/%.o: lib/%.c\n\
         \tmkdir -p $(@D) && $(CC) $(CFLAGS_C) -c -o $@ $<\n",
        outs.join(" "),
        objs.join(" ")
    ));
    for (ext, cc, flags) in [
        ("c", "$(CC)", "$(CFLAGS_C)"),
        ("S", "$(CC)", "$(CFLAGS_C)"),
        ("cpp", "$(CXX)", "$(CFLAGS_CXX)"),
    ] {
        mk.push_str(&format!(
            "$(OUT)/%.out: %.{ext} $(LIB)\n\tmkdir -p $(@D) && {cc} {flags} $(EXTRA) -o $@ $< $(LIBS)\n"
        ));
    }
    // The programs whose properties change their flags.
    for (prog, out) in programs.iter().zip(&outs) {
        let props = &prog.props;
        let mut extra: Vec<String> = Vec::new();
        let freestanding = props.freestanding == Some(true);
        if freestanding {
            extra.extend(["-ffreestanding", "-nostdlib", "-static"].map(String::from));
            mk.push_str(&format!("{out}: LIBS =\n"));
        } else if props.static_ == Some(true) || config.static_userland {
            extra.push("-static".into());
        }
        extra.extend(props.cflags.iter().cloned());
        if !extra.is_empty() {
            let extra: Vec<String> = extra.iter().map(|e| crate::cmd::quote(e)).collect();
            mk.push_str(&format!("{out}: EXTRA = {}\n", extra.join(" ")));
        }
    }
    Ok(mk)
}

/// What the build make runs: the user's targets after `--`, or lkmc's
/// packages rebuilt and everything else brought up to date.
fn build_targets(opts: &BuildOptions, requested: &BTreeMap<String, Asked>) -> Vec<String> {
    if !opts.make_args.is_empty() {
        return opts.make_args.clone();
    }
    let on = |opt: &str| {
        requested
            .get(opt)
            .is_some_and(|a| a.value.as_deref() == Some("y"))
    };
    LKMC_PACKAGES
        .iter()
        .filter(|(_, opt)| on(opt))
        .map(|(pkg, _)| format!("{pkg}-rebuild"))
        .chain(Some("all".to_string()))
        .collect()
}

/// The steps that build, given the packages the build will go through
/// (`total`, for progress; 0 when unknown).
pub fn build_plan(
    opts: &BuildOptions,
    config: &Config,
    paths: &Paths,
    requested: &BTreeMap<String, Asked>,
    total: usize,
) -> Result<Plan> {
    let mut plan = Plan::new("build buildroot", paths.buildroot_log_file.clone());
    plan.push(Step::Write {
        path: paths.buildroot_build_dir.join("local.mk"),
        contents: local_mk(opts),
        executable: false,
    });
    let everything = opts.make_args.is_empty();
    if everything {
        plan.push(Step::Write {
            path: userland_mk_file(paths),
            contents: userland_mk(config, paths)?,
            executable: false,
        });
    }
    let label = if total > 0 {
        format!("buildroot {}, {total} packages", paths.arch)
    } else {
        format!("buildroot {}", paths.arch)
    };
    // Buildroot's configure scripts refuse to run as root without this.
    let m = make(paths)
        .env("FORCE_UNSAFE_CONFIGURE", "1")
        .args(lkmc_make_vars(paths))
        .args(build_targets(opts, requested));
    plan.cmd(label, m);
    if everything {
        let tmp = paths.buildroot_images_dir.join("rootfs.ext2.qcow2.tmp");
        plan.cmd(
            "qcow2 image",
            Cmd::new(p(&paths.qemu_img_executable))
                .arg("convert")
                .line(["-f", "raw"])
                .line(["-O", "qcow2"])
                .arg(p(&paths.buildroot_rootfs_raw_file))
                .arg(p(&tmp)),
        );
        plan.cmd(
            "qcow2 in place",
            Cmd::new("mv")
                .args([&p(&tmp), &p(&paths.buildroot_qcow2_file)])
                .oneline(),
        );
    }
    Ok(plan)
}

/// Buildroot's local.mk (`BR2_PACKAGE_OVERRIDE_FILE`'s default, in O=):
/// the user's `--buildroot-override`s, and nothing else; written on every
/// build, so an override left out is an override gone.
pub fn local_mk(opts: &BuildOptions) -> String {
    let mut s = String::from(
        "# Written by lkmc build buildroot from --buildroot-override PKG=DIR;\n\
         # rewritten on every build.\n",
    );
    for (pkg, dir) in &opts.buildroot.overrides {
        s.push_str(&format!(
            "{}_OVERRIDE_SRCDIR = {}\n",
            pkg.to_uppercase().replace('-', "_"),
            p(dir)
        ));
    }
    s
}

/// How many packages the build goes through (Buildroot's build order),
/// for the progress line; 0 if Buildroot cannot say.
fn count_packages(paths: &Paths) -> usize {
    let cmd = make(paths).arg("-s").arg("show-build-order");
    match crate::process::output(&cmd, Some(std::time::Duration::from_secs(120))) {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter(|w| !w.starts_with("rootfs-"))
            .count(),
        _ => 0,
    }
}

/// Fail, naming them, if Kconfig dropped options that were asked for.
pub fn check_survivors(inputs: &ConfigInputs, paths: &Paths) -> Result<()> {
    let got: BTreeMap<String, Option<String>> = read(&paths.buildroot_config_file)?
        .lines()
        .filter_map(parse_config_line)
        .collect();
    let mut dropped = Vec::new();
    let mut displaced = Vec::new();
    for (k, asked) in inputs.requested()? {
        let (want, from) = (&asked.value, &asked.from);
        let have = got.get(&k).cloned().flatten();
        let ok = match want {
            Some(v) if v == "n" => have.is_none(),
            Some(v) => have.as_ref() == Some(v),
            None => have.is_none() || have.as_deref() == Some("n"),
        };
        if !ok {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "not set".to_string());
            let line = format!(
                "  {k}: asked {} (by {from}), got {}",
                show(want),
                show(&have)
            );
            // lkmc's default that the user's own options turned off (another
            // choice, a dependency switched off) is what the user asked for.
            if asked.by_user || !inputs.user_asked() {
                dropped.push(line);
            } else {
                displaced.push(line);
            }
        }
    }
    if !displaced.is_empty() {
        eprintln!(
            "note: your Buildroot options changed {} of lkmc's defaults:\n{}",
            displaced.len(),
            displaced.join("\n")
        );
    }
    if dropped.is_empty() {
        return Ok(());
    }
    // The next build must configure again, not take this .config as done.
    let _ = std::fs::remove_file(fingerprint_file(paths));
    Err(UsageError::new(format!(
        "Buildroot's Kconfig dropped {} requested option(s), usually because a dependency \
         is not enabled or the option does not exist:\n{}\n\
         Look each up with `lkmc build buildroot -- menuconfig` (search with /) to see what \
         it depends on.",
        dropped.len(),
        dropped.join("\n"),
    ))
    .into())
}

/// What went wrong in a failed Buildroot build, from its log since `from`:
/// the package and step it was in, and for a download, the file and URLs.
pub fn diagnose(log: &str, dl_dir: &Path) -> Option<String> {
    let lines: Vec<&str> = log.lines().collect();
    let at = lines
        .iter()
        .rposition(|l| crate::plan::stage_line(l).is_some())?;
    let stage = crate::plan::stage_line(lines[at]).expect("a stage line");
    let (pkg, version, step) = (stage.name, stage.version, stage.step);
    let package = match version {
        "" => pkg.to_string(),
        v => format!("{pkg} {v}"),
    };
    if step != "Downloading" {
        return Some(format!(
            "Buildroot failed in package {package}, at its step `{step}`.\n\
             Its output is in the log below; rerun only it with: lkmc build buildroot -- {pkg}-rebuild"
        ));
    }
    // Download tools print each URL they try; wget as `--DATE--  URL`.
    let mut urls: Vec<String> = Vec::new();
    for l in &lines[at + 1..] {
        for w in l.split_whitespace() {
            let w = w.trim_matches(|c| "'\"`‘’".contains(c));
            let is_url = ["http://", "https://", "ftp://"]
                .iter()
                .any(|s| w.starts_with(s));
            if is_url && !urls.iter().any(|u| u == w) {
                urls.push(w.to_string());
            }
        }
    }
    let file = urls
        .iter()
        .filter_map(|u| u.rsplit('/').next())
        .find(|f| !f.is_empty() && f.contains('.'))
        .unwrap_or("?")
        .to_string();
    // Host packages share their download (and hash file) with the target's.
    let raw = pkg.strip_prefix("host-").unwrap_or(pkg);
    let pkg_dir = dl_dir.join(raw);
    Some(format!(
        "Buildroot could not download package {package}, file {file}\n\
         tried: {}\n\
         Supply it in one of these ways, then build again:\n\
         \x20 - put {file} in {} (Buildroot checks it against package/{raw}/{raw}.hash);\n\
         \x20 - --buildroot-primary-site URL: a mirror holding {file} (file:///dir works);\n\
         \x20 - --buildroot-override {pkg}=DIR: build {pkg} from a source tree of your own.",
        if urls.is_empty() {
            "(no URL in the log)".to_string()
        } else {
            urls.join(" ")
        },
        pkg_dir.display()
    ))
}

/// Build Buildroot for one arch.
fn build(opts: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    check(opts, config, paths)?;
    let mut source = Plan::new("buildroot source", paths.buildroot_log_file.clone());
    plan_source(config, paths, &mut source)?;
    exec.execute(&source)?;
    let inputs = ConfigInputs::new(opts, config, paths);
    let fingerprint = inputs.fingerprint()?;
    let everything = opts.make_args.is_empty();
    if everything
        && !config.dry_run
        && !paths.linux_build_dir.join("Module.symvers").is_file()
        && inputs
            .requested()?
            .get("BR2_PACKAGE_LKMC_MODULES")
            .is_some_and(|a| a.value.as_deref() == Some("y"))
    {
        return Err(UsageError::new(format!(
            "lkmc's modules in Buildroot's image are built against lkmc's kernel, and {} holds \
             no built kernel.\nBuild it first: lkmc build --arch {} linux (or build qemu-buildroot, \
             which does both)",
            paths.linux_build_dir.display(),
            paths.arch
        ))
        .into());
    }
    let have = std::fs::read_to_string(fingerprint_file(paths)).unwrap_or_default();
    let reconfigure =
        opts.force_rebuild || have != fingerprint || !paths.buildroot_config_file.is_file();
    if reconfigure {
        exec.execute(&configure_plan(&inputs, opts, paths))?;
        if !config.dry_run {
            check_survivors(&inputs, paths)?;
            crate::plan::write_file(&fingerprint_file(paths), &fingerprint, false)?;
        }
    } else if !config.quiet {
        eprintln!(
            "buildroot {}: .config up to date ({})",
            paths.arch,
            paths.buildroot_config_file.display()
        );
    }
    if everything
        && !opts.force_rebuild
        && super::changed_since_written(
            &paths.buildroot_lkmc_dir.join(STAMP),
            &paths.buildroot_qcow2_file,
        )
    {
        return Err(UsageError::new(format!(
            "{} was changed after lkmc built it (by `lkmc run --disk-persist`?); \
             lkmc will not overwrite it.\nCopy it somewhere to keep it, then rebuild with \
             --force-rebuild to replace it.",
            paths.buildroot_qcow2_file.display()
        ))
        .into());
    }
    let total = if config.dry_run {
        0
    } else {
        count_packages(paths)
    };
    let mut plan = build_plan(opts, config, paths, &inputs.requested()?, total)?;
    if !everything {
        // The user's own targets (menuconfig, show-info, pkg-rebuild) talk
        // to the terminal: run in the foreground, as typed.
        let Some(Step::Run { cmd, .. }) = plan.steps.pop() else {
            unreachable!("the build plan ends with its make");
        };
        exec.execute(&plan)?;
        let status = match exec.foreground(&cmd, None)? {
            None | Some(crate::process::Finished::Exited(0)) => return Ok(()),
            Some(crate::process::Finished::Exited(c)) => c,
            Some(crate::process::Finished::TimedOut) => 1,
        };
        return Err(crate::error::CmdFailed {
            status,
            what: format!(
                "Buildroot's make {} failed (exit status {status}); its output is above.\n\
                 A source it could not download can be put in {}/PKG/, or supplied with \
                 --buildroot-primary-site URL or --buildroot-override PKG=DIR.",
                opts.make_args.join(" "),
                dl_dir(opts, paths).display()
            ),
        }
        .into());
    }
    let start = std::fs::metadata(&paths.buildroot_log_file)
        .map(|m| m.len())
        .unwrap_or(0);
    if let Err(e) = exec.execute(&plan) {
        let log = std::fs::read(&paths.buildroot_log_file).unwrap_or_default();
        let since = String::from_utf8_lossy(log.get(start as usize..).unwrap_or_default());
        if let Some(why) = diagnose(&since, &dl_dir(opts, paths)) {
            eprintln!("{why}");
        }
        return Err(e);
    }
    if everything && !config.dry_run {
        crate::plan::write_file(
            &paths.buildroot_lkmc_dir.join(STAMP),
            &super::stamp_of(&paths.buildroot_qcow2_file),
            false,
        )?;
    }
    Ok(())
}

/// `--gcc-which buildroot` before Buildroot is built: refused, with the
/// command that builds it.
pub fn check_toolchain(config: &Config, paths: &Paths) -> Result<()> {
    if config.gcc_which != GccWhich::Buildroot || config.dry_run || paths.gcc.is_file() {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "--gcc-which buildroot: Buildroot's toolchain is not built ({} is missing).\n\
         Build it first: lkmc build --arch {}{} buildroot\n\
         (or use the distro's cross compilers: --gcc-which host, the default)",
        paths.gcc.display(),
        paths.arch,
        if config.build_ids.buildroot == "default" {
            String::new()
        } else {
            format!(" --buildroot-build-id {}", config.build_ids.buildroot)
        }
    ))
    .into())
}

/// Buildroot's root filesystem.
pub struct Buildroot;

impl super::Provider for Buildroot {
    fn build(
        &self,
        opts: &BuildOptions,
        config: &Config,
        paths: &Paths,
        exec: &Executor,
    ) -> Result<()> {
        build(opts, config, paths, exec)
    }

    fn check(&self, opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<()> {
        check(opts, config, paths)
    }

    fn packages(&self, config: &Config, paths: &Paths, out: &mut Packages) -> Result<()> {
        packages(config, paths, out)
    }

    fn persisted_by_user(&self, paths: &Paths) -> bool {
        super::changed_since_written(
            &paths.buildroot_lkmc_dir.join(STAMP),
            &paths.buildroot_qcow2_file,
        )
    }
}

/// What Buildroot needs on the host (its manual's "mandatory packages"),
/// Debian's names, and qemu-img for the qcow2.
pub fn packages(_: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    for pkg in [
        "build-essential",
        "make",
        "gcc",
        "g++",
        "patch",
        "gzip",
        "bzip2",
        "perl",
        "cpio",
        "unzip",
        "rsync",
        "file",
        "bc",
        "wget",
        "findutils",
        "debianutils",
        "sed",
        "tar",
        "libncurses-dev",
        "python3",
    ] {
        out.add(pkg, "Buildroot build");
    }
    out.add("qemu-utils", "qemu-img, for the qcow2 root image");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_lines() {
        assert_eq!(
            parse_config_line("BR2_PACKAGE_STRACE=y"),
            Some(("BR2_PACKAGE_STRACE".into(), Some("y".into())))
        );
        assert_eq!(
            parse_config_line("# BR2_LINUX_KERNEL is not set"),
            Some(("BR2_LINUX_KERNEL".into(), None))
        );
        assert_eq!(parse_config_line("CONFIG_X=y"), None);
        assert_eq!(parse_config_line("BR2_X="), None);
        assert_eq!(parse_config_line("# a comment"), None);
    }

    #[test]
    fn download_failure_names_package_file_and_urls() {
        let log = ">>> host-m4 1.4.19 Extracting\n\
                   >>> zlib 1.3.1 Downloading\n\
                   --2026-01-01 00:00:00--  https://www.zlib.net/zlib-1.3.1.tar.xz\n\
                   wget: unable to resolve host address\n\
                   --2026-01-01 00:00:01--  https://sources.buildroot.net/zlib/zlib-1.3.1.tar.xz\n\
                   make: *** [package/pkg-generic.mk:186: .stamp_downloaded] Error 1\n";
        let why = diagnose(log, Path::new("/dl")).unwrap();
        assert!(why.contains("package zlib 1.3.1,"), "{why}");
        assert!(why.contains("file zlib-1.3.1.tar.xz"), "{why}");
        assert!(
            why.contains("https://www.zlib.net/zlib-1.3.1.tar.xz"),
            "{why}"
        );
        assert!(why.contains("https://sources.buildroot.net/zlib/"), "{why}");
        assert!(why.contains("/dl/zlib"), "{why}");
        assert!(why.contains("--buildroot-primary-site"), "{why}");
        assert!(why.contains("--buildroot-override zlib=DIR"), "{why}");
    }

    #[test]
    fn download_failure_as_buildroot_logs_it() {
        let log = "\x1b[7m>>> skeleton  Installing to target\x1b[27m\n\
                   \x1b[7m>>> host-binutils 2.40 Downloading\x1b[27m\n\
                   wget -nd -t 3 -O '/o/build/.binutils-2.40.tar.xz.GDlLHo/output' 'https://ftpmirror.gnu.org/binutils/binutils-2.40.tar.xz' \n\
                   Resolving ftpmirror.gnu.org (ftpmirror.gnu.org)... failed: Name or service not known.\n\
                   wget: unable to resolve host address \u{2018}ftpmirror.gnu.org\u{2019}\n";
        let why = diagnose(log, Path::new("/dl")).unwrap();
        assert!(
            why.contains("package host-binutils 2.40, file binutils-2.40.tar.xz"),
            "{why}"
        );
        assert!(
            why.contains("tried: https://ftpmirror.gnu.org/binutils/binutils-2.40.tar.xz\n"),
            "{why}"
        );
        assert!(
            why.contains("put binutils-2.40.tar.xz in /dl/binutils "),
            "{why}"
        );
        assert!(why.contains("package/binutils/binutils.hash"), "{why}");
        assert!(
            why.contains("--buildroot-override host-binutils=DIR"),
            "{why}"
        );
    }

    #[test]
    fn build_failure_names_package_and_step() {
        let log = ">>> busybox 1.36.1 Configuring\n>>> busybox 1.36.1 Building\nerror: x\n";
        let why = diagnose(log, Path::new("/dl")).unwrap();
        assert!(
            why.contains("package busybox 1.36.1, at its step `Building`"),
            "{why}"
        );
        assert!(why.contains("`Building`"), "{why}");
        assert!(why.contains("busybox-rebuild"), "{why}");
        assert_eq!(diagnose("no stage lines\n", Path::new("/dl")), None);
    }

    #[test]
    fn local_mk_names_override_variables() {
        let mut opts = BuildOptions::default();
        opts.buildroot.overrides = vec![
            ("busybox".into(), PathBuf::from("/src/busybox")),
            ("host-m4".into(), PathBuf::from("/src/m4")),
        ];
        let mk = local_mk(&opts);
        assert!(
            mk.contains("BUSYBOX_OVERRIDE_SRCDIR = /src/busybox\n"),
            "{mk}"
        );
        assert!(mk.contains("HOST_M4_OVERRIDE_SRCDIR = /src/m4\n"), "{mk}");
    }
}
