//! `lkmc build userland`: compile the userland examples for the guest arch.
//!
//! Every .c, .cpp and .S under `userland/` is one program (except
//! `userland/lib/`, built into `liblkmc.a` and linked into each, and
//! `userland/include/`). Outputs go to `userland_build_dir`, keyed by arch
//! and build id, with the source tree's layout (`c/hello.c` → `c/hello.out`),
//! and are copied into the generated guest overlay (`/lkmc/c/hello.out`).
//! Compiles run in parallel; a program is rebuilt only when it, a header it
//! includes (from gcc's depfile) or liblkmc changed.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::build::BuildOptions;
use crate::build::objects::{self, fresh, mkdir_missing, report_failures};
use crate::cmd::{Cmd, p, quote};
use crate::config::Config;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::userland_props::{Props, Table};

/// Source extensions that make a program.
pub const EXTS: &[&str] = &["c", "cpp", "S"];

/// One program to build.
#[derive(Clone, Debug)]
pub struct Program {
    /// The source file.
    pub src: PathBuf,
    /// The executable.
    pub out: PathBuf,
    pub props: Props,
}

/// The programs under `userland/` (or the given paths) for this arch.
pub fn programs(args: &[String], config: &Config, paths: &Paths) -> Result<Vec<Program>> {
    let table = Table::load(&config.root)?;
    let src_dir = &paths.userland_source_dir;
    let mut roots: Vec<PathBuf> = Vec::new();
    for a in args {
        let abs = objects::source_arg(a, EXTS, "userland source file (.c, .cpp or .S)")?;
        roots.push(abs);
    }
    if roots.is_empty() {
        roots.push(src_dir.clone());
    }
    let mut out = Vec::new();
    for found in objects::walk(&roots, &[src_dir], EXTS)? {
        let src = found.src;
        match found.tree {
            Some((_, rel)) => {
                let props = table.get(&rel);
                if props.no_build == Some(true) || !props.allows(&paths.arch) {
                    continue;
                }
                out.push(Program {
                    out: paths.userland_build_dir.join(&rel).with_extension("out"),
                    src,
                    props,
                });
            }
            None => {
                // A file of the user's, outside the tree: its own corner of the build dir.
                let flat = crate::paths::flatten(&src);
                out.push(Program {
                    out: paths
                        .userland_build_dir
                        .join("external")
                        .join(flat)
                        .with_extension("out"),
                    src,
                    props: Props::default(),
                });
            }
        }
    }
    Ok(out)
}

/// The compiler command for one source.
fn compile(
    config: &Config,
    paths: &Paths,
    src: &Path,
    out: &Path,
    props: &Props,
    object: bool,
    args: &BuildOptions,
) -> Cmd {
    let cpp = src.extension().is_some_and(|e| e == "cpp");
    let compiler = if cpp { &paths.gxx } else { &paths.gcc };
    let mut c = Cmd::new(p(compiler))
        .line([if cpp { "-std=gnu++17" } else { "-std=gnu11" }])
        .line([format!("-O{}", args.optimization_level).as_str(), "-g3"])
        .line(["-Wall", "-Wextra", "-Werror"])
        .line(["-I", &p(&paths.userland_source_dir.join("include"))])
        .line(["-I", &p(&paths.kernel_modules_source_dir)]);
    if props.freestanding == Some(true) {
        c = c.line(["-ffreestanding", "-nostdlib", "-static"]);
    } else if props.static_ == Some(true) || config.static_userland {
        c = c.arg("-static");
    }
    c = objects::with_flags(c, props, &args.ccflags);
    c = objects::with_output(c, out, src, object);
    if !object && props.freestanding != Some(true) {
        c = c.arg(p(&lib_archive(paths))).line(["-lm", "-pthread"]);
    }
    c
}

fn lib_archive(paths: &Paths) -> PathBuf {
    paths.userland_build_dir.join("lib/liblkmc.a")
}

/// Build the selected programs for one arch.
pub fn build(
    args: &BuildOptions,
    targets: &[String],
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<()> {
    let arch = config.arch;
    if !config.dry_run && which::which(&paths.gcc).is_err() {
        return Err(UsageError::new(format!(
            "the {arch} compiler `{}` is not installed (package {}).\nInstall it with: lkmc build --download-dependencies --arch {arch} userland",
            paths.gcc.display(),
            arch.facts().gcc_package
        ))
        .into());
    }
    let programs = programs(targets, config, paths)?;
    let lib_dir = paths.userland_build_dir.join("lib");
    let lib_srcs = objects::sources_in(&paths.userland_source_dir.join("lib"), EXTS);

    // liblkmc.a first: every program links it.
    let log = paths.log_file("build-userland");
    let mut setup = Plan::new("userland setup", log.clone());
    if let Some(mkdir) = mkdir_missing(
        programs.iter().map(|p| p.out.as_path()),
        std::slice::from_ref(&lib_dir),
    ) {
        setup.cmd("mkdir", mkdir);
    }
    exec.execute(&setup)?;
    let mut lib_objs = Plan::new("liblkmc", log.clone());
    let archive = lib_archive(paths);
    let mut objs = Vec::new();
    for src in &lib_srcs {
        let obj = lib_dir
            .join(src.file_name().unwrap_or_default())
            .with_extension("o");
        if args.force_rebuild || !fresh(&obj, &[]) {
            lib_objs.cmd(
                "compile",
                compile(config, paths, src, &obj, &Props::default(), true, args),
            );
        }
        objs.push(obj);
    }
    let failed = exec.execute_parallel(&lib_objs, config.nproc as usize)?;
    report_failures(&failed, "userland/lib")?;
    let mut ar = Plan::new("liblkmc", log.clone());
    let ar_tool = format!("{}ar", paths.cross_compile);
    objects::archive(
        &mut ar,
        &ar_tool,
        &archive,
        &objs,
        args.force_rebuild,
        paths,
    );
    exec.execute(&ar)?;

    let mut plan = Plan::new(format!("userland {arch}"), log);
    for prog in &programs {
        if args.force_rebuild || !fresh(&prog.out, &[archive.clone(), prog.src.clone()]) {
            plan.cmd(
                "compile",
                compile(
                    config,
                    paths,
                    &prog.src,
                    &prog.out,
                    &prog.props,
                    false,
                    args,
                ),
            );
        }
    }
    let compiled = objects::compile_all(
        &plan,
        programs.len(),
        &format!("userland {arch}"),
        config.nproc,
        exec,
    );
    install(paths, exec)?;
    compiled
}

/// Copy the executables into the generated guest overlay.
fn install(paths: &Paths, exec: &Executor) -> Result<()> {
    let mut plan = Plan::new("install userland", paths.log_file("build-userland"));
    plan.push(Step::Mkdir(paths.out_rootfs_overlay_lkmc_dir.clone()));
    plan.cmd(
        "install into the guest overlay",
        Cmd::new("sh")
            .line([
                "-c",
                &format!(
                    "find . -path ./external -prune -o -name '*.out' -exec cp -pu --parents -t {} {{}} +",
                    quote(&p(&paths.out_rootfs_overlay_lkmc_dir))
                ),
            ])
            .cwd(&paths.userland_build_dir),
    );
    exec.execute(&plan)
}

/// Where the program for `--userland PATH` is, building it first when PATH
/// is a source.
pub fn executable(path: &Path, config: &Config, paths: &Paths, exec: &Executor) -> Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let is_src = abs
        .extension()
        .is_some_and(|e| EXTS.iter().any(|x| e == *x));
    if !is_src {
        // A dry run prints the command whatever the file holds.
        if config.dry_run {
            return Ok(abs);
        }
        if abs.is_file() {
            let native = config.emulator == crate::facts::Emulator::Native;
            objects::check_executable("--userland", &abs, native, config)?;
            return Ok(abs);
        }
        return Err(UsageError::new(format!(
            "--userland {}: no such file (give a source file or an executable)",
            abs.display()
        ))
        .into());
    }
    if !abs.is_file() {
        return Err(UsageError::new(format!(
            "--userland {}: no such source file (give a .c, .cpp or .S file: under {}, or \
             anywhere)",
            abs.display(),
            paths.userland_source_dir.display()
        ))
        .into());
    }
    let arg = abs.to_string_lossy().into_owned();
    let programs = programs(std::slice::from_ref(&arg), config, paths)?;
    let Some(program) = programs.first() else {
        return Err(UsageError::new(format!(
            "{} is not built for {} (its properties in configs/userland.toml exclude it)",
            abs.display(),
            config.arch
        ))
        .into());
    };
    build(
        &BuildOptions::default(),
        &[arg],
        config,
        paths,
        &objects::quiet_build(exec),
    )?;
    Ok(program.out.clone())
}
