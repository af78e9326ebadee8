//! Steps shared by the builds that compile many small programs with a
//! library (userland, baremetal): freshness from gcc's depfiles, the output
//! directories, a static library, parallel compiles with a summary.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Result;

use crate::cmd::{Cmd, p};
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::remove::Removal;
use crate::userland_props::Props;

pub fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Whether `out` is newer than everything its depfile (`OUT.d`) lists and
/// than `also`.
pub fn fresh(out: &Path, also: &[PathBuf]) -> bool {
    let Some(t) = mtime(out) else {
        tracing::debug!(out = %out.display(), "not built yet");
        return false;
    };
    let Ok(dep) = std::fs::read_to_string(format!("{}.d", out.display())) else {
        return false;
    };
    let deps = dep
        .split_once(':')
        .map(|(_, d)| d)
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| *w != "\\")
        .map(PathBuf::from);
    deps.chain(also.iter().cloned())
        .all(|d| mtime(&d).is_some_and(|m| m <= t))
}

/// The files of `dir` (not below it) with one of the extensions, sorted.
pub fn sources_in(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file() && p.extension().is_some_and(|e| exts.iter().any(|x| e == *x))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A source file found by [`walk`].
pub struct Source {
    pub src: PathBuf,
    /// The index of the tree that holds it and its path there; None for a
    /// file of the user's outside every tree.
    pub tree: Option<(usize, PathBuf)>,
}

/// The source files (by extension) under `roots`, in order and sorted by
/// name, each placed in the first of `trees` that holds it. `lib/` and
/// `include/` at the top of a tree hold libraries and headers, not programs.
pub fn walk(roots: &[PathBuf], trees: &[&Path], exts: &[&str]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for root in roots {
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry?;
            let src = entry.path();
            let is_source = src
                .extension()
                .is_some_and(|e| exts.iter().any(|x| e == *x));
            if !entry.file_type().is_file() || !is_source {
                continue;
            }
            let tree = trees
                .iter()
                .enumerate()
                .find_map(|(i, t)| src.strip_prefix(t).ok().map(|r| (i, r.to_path_buf())));
            if let Some((_, rel)) = &tree {
                let first = rel.components().next().map(|c| c.as_os_str());
                if first.is_some_and(|f| f == "lib" || f == "include") {
                    continue;
                }
            }
            out.push(Source {
                src: src.to_path_buf(),
                tree,
            });
        }
    }
    Ok(out)
}

/// The flags every compile line ends its options with: the source's own
/// (configs/*.toml) and the user's `--ccflags`.
pub fn with_flags(mut c: Cmd, props: &Props, ccflags: &[String]) -> Cmd {
    if !props.cflags.is_empty() {
        c = c.line(&props.cflags);
    }
    c.line(ccflags)
}

/// The output part of a compile line: the depfile that [`fresh`] reads,
/// `-c` for an object, and the output and source.
pub fn with_output(mut c: Cmd, out: &Path, src: &Path, object: bool) -> Cmd {
    c = c.line(["-MMD", "-MF", &format!("{}.d", p(out))]);
    if object {
        c = c.arg("-c");
    }
    c.line(["-o", &p(out)]).arg(p(src))
}

/// The executor for the build a run needs: quiet, since the run's own
/// output is what the user asked for; but a dry run prints the build plan.
pub fn quiet_build(exec: &Executor) -> Executor {
    Executor {
        quiet: exec.quiet || !exec.dry_run,
        ..exec.clone()
    }
}

/// Refuse `path`, an existing file given as a built program (`option` is
/// --userland or --baremetal), unless it is an ELF executable for the arch
/// of `config` (or, with `script_ok`, a `#!` script): anything else would
/// only fail in the emulator, after the run dir was set up.
pub fn check_executable(
    option: &str,
    path: &Path,
    script_ok: bool,
    config: &crate::config::Config,
) -> Result<()> {
    let arch = config.arch;
    let mut head = [0u8; 20];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(path)
            .map_err(|e| UsageError::new(format!("{option} {}: {e}", path.display())))?;
        let mut n = 0;
        while n < head.len() {
            match f.read(&mut head[n..])? {
                0 => break,
                k => n += k,
            }
        }
        n
    };
    if n >= 2 && head.starts_with(b"#!") && script_ok {
        return Ok(());
    }
    if n < 20 || !head.starts_with(b"\x7fELF") {
        return Err(UsageError::new(format!(
            "{option} {}: not a program: neither a source file nor an ELF executable.\n\
             Give a source file (it is built first) or an executable built for {arch}.",
            path.display()
        ))
        .into());
    }
    let machine = match head[5] {
        2 => u16::from_be_bytes([head[18], head[19]]),
        _ => u16::from_le_bytes([head[18], head[19]]),
    };
    match crate::facts::Arch::from_elf_machine(machine) {
        Some(a) if a == arch => Ok(()),
        Some(a) => Err(UsageError::new(format!(
            "{option} {}: an executable for {a}, not {arch}; use --arch {a}",
            path.display()
        ))
        .into()),
        None => Err(UsageError::new(format!(
            "{option} {}: an ELF executable for none of lkmc's archs (e_machine {machine}); \
             give one built for {arch}",
            path.display()
        ))
        .into()),
    }
}

/// A path named on the command line, made absolute: it must exist, and a
/// file must have one of the extensions (`what` names them in the error).
pub fn source_arg(arg: &str, exts: &[&str], what: &str) -> Result<PathBuf> {
    let abs = std::path::absolute(arg)?;
    if !abs.exists() {
        return Err(UsageError::new(format!(
            "{} does not exist: give an existing {what} or a directory of them",
            abs.display()
        ))
        .into());
    }
    if abs.is_file()
        && !abs
            .extension()
            .is_some_and(|e| exts.iter().any(|x| e == *x))
    {
        return Err(UsageError::new(format!("{} is not a {what}", abs.display())).into());
    }
    Ok(abs)
}

/// `mkdir -p` of the parents of `outputs` and of `extra` that do not exist
/// yet, each once; None when they all do.
pub fn mkdir_missing<'a>(
    outputs: impl Iterator<Item = &'a Path>,
    extra: &[PathBuf],
) -> Option<Cmd> {
    let mut dirs: Vec<PathBuf> = outputs
        .filter_map(|o| o.parent().map(Path::to_path_buf))
        .chain(extra.iter().cloned())
        .filter(|d| !d.is_dir())
        .collect();
    dirs.sort();
    dirs.dedup();
    if dirs.is_empty() {
        return None;
    }
    Some(
        Cmd::new("mkdir")
            .arg("-p")
            .args(dirs.iter().map(|d| p(d)))
            .oneline(),
    )
}

/// Recreate `archive` from `objs` with `ar` when it is missing or older than
/// one of them.
pub fn archive(
    plan: &mut Plan,
    ar: &str,
    archive: &Path,
    objs: &[PathBuf],
    force: bool,
    paths: &Paths,
) {
    let newest = objs.iter().filter_map(|o| mtime(o)).max();
    if force || mtime(archive).is_none() || newest > mtime(archive) {
        plan.push(Step::Remove(Removal::output_file(
            archive,
            &paths.out_dir,
            &paths.root_dir,
        )));
        plan.cmd(
            "ar",
            Cmd::new(ar)
                .arg("rcs")
                .arg(p(archive))
                .args(objs.iter().map(|o| p(o))),
        );
    }
}

/// Run the compiles of `plan` in parallel, print `WHAT: N programs, ...`
/// (unless quiet) and fail naming what did not compile.
pub fn compile_all(
    plan: &Plan,
    total: usize,
    what: &str,
    nproc: u32,
    exec: &Executor,
) -> Result<()> {
    let n = plan.steps.len();
    let failed = exec.execute_parallel(plan, nproc as usize)?;
    if !exec.quiet && !exec.dry_run {
        eprintln!(
            "{what}: {total} programs, {} compiled, {} up to date, {} failed",
            n - failed.len(),
            total - n,
            failed.len()
        );
    }
    report_failures(&failed, what)
}

/// Print each failed compile with its output, and fail.
pub fn report_failures(failed: &[(String, String)], what: &str) -> Result<()> {
    if failed.is_empty() {
        return Ok(());
    }
    for (cmd, out) in failed {
        eprintln!("error: compile failed:\n{cmd}\n{}", out.trim_end());
    }
    Err(crate::error::CmdFailed {
        status: 1,
        what: format!(
            "{} {what} program(s) did not compile (messages above)",
            failed.len()
        ),
    }
    .into())
}
