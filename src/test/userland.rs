//! The userland suites: every userland example checked against its
//! properties (configs/userland.toml), in QEMU user mode in parallel
//! (`userland`), and inside one booted guest (`userland-full-system`).
//!
//! Cases only; which programs exist and what their properties say is
//! build::userland's and userland_props's.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::build::userland::{self, Program};
use crate::cmd::quote;
use crate::emulator;
use crate::guest::guest_path;
use crate::paths::Paths;
use crate::userland_props::Props;

use super::harness::{
    Ctx, Listed, OUTPUT_LINE, RESULT_LINE, RunSlot, expect_exit, record_guest_results,
};
use super::report::Report;

/// Seconds a program may run in user mode.
const TIMEOUT: u64 = 30;

/// `userland`: a case per program, each run on its own.
pub fn cases_user_mode(ctx: &Ctx) -> Result<Vec<Listed>> {
    let paths = ctx.paths_at(RunSlot::Guest);
    Ok(userland::programs(ctx.items, ctx.config, &paths)?
        .iter()
        .map(|prog| Listed::alone(ctx.name(&rel(&paths, &prog.src))))
        .collect())
}

/// `userland`: each program in QEMU user mode (or the `--emulator`'s own
/// user mode), in parallel.
pub fn run_user_mode(ctx: &Ctx, report: &mut Report) -> Result<()> {
    let paths = ctx.paths_at(RunSlot::Guest);
    // The files named are refused before anything is built.
    userland::programs(ctx.items, ctx.config, &paths)?;
    if !ctx.build_first(userland::build, &paths, report) {
        return Ok(());
    }
    let mut cases = Vec::new();
    for prog in userland::programs(ctx.items, ctx.config, &paths)? {
        if !ctx.wants(&ctx.name(&rel(&paths, &prog.src))) {
            continue;
        }
        match user_mode_skip(&prog.props) {
            Some(why) => report.skip(&ctx.name(&rel(&paths, &prog.src)), why),
            None => cases.push(prog),
        }
    }
    let stdin_dir = paths.run_dir.join("userland-stdin");
    std::fs::create_dir_all(&stdin_dir)?;
    ctx.parallel(report, &cases, |i, _worker, prog| {
        let stdin = stdin_dir.join(format!("{i}.in"));
        let r = user_mode_case(ctx, &paths, prog, &stdin);
        (rel(&paths, &prog.src), r)
    });
    Ok(())
}

fn user_mode_skip(p: &Props) -> Option<String> {
    if let Some(why) = &p.skip {
        Some(why.clone())
    } else if p.full_system == Some(true) {
        Some("needs the full system: userland-full-system runs it".into())
    } else if p.slow == Some(true) {
        Some("slow".into())
    } else {
        None
    }
}

fn user_mode_case(ctx: &Ctx, paths: &Paths, prog: &Program, stdin: &Path) -> Result<(), String> {
    let props = &prog.props;
    let args = shlex::split(props.args.as_deref().unwrap_or("")).unwrap_or_default();
    let program = emulator::Program {
        exe: prog.out.clone(),
        args,
        gdb_wait: false,
        ..Default::default()
    };
    let mut cmd = emulator::get(ctx.config.emulator)
        .userland(&program, ctx.config, paths)
        .map_err(|e| e.to_string())?;
    std::fs::write(stdin, props.stdin.as_deref().unwrap_or("")).map_err(|e| e.to_string())?;
    cmd.stdin = Some(stdin.to_path_buf());
    let want = props.expected_status().map_err(|e| e.to_string())?;
    let cli_args = props
        .args
        .as_ref()
        .map(|a| format!(" --cli-args {}", quote(a)))
        .unwrap_or_default();
    let reproduce = format!(
        "lkmc run --arch {} --userland {}{cli_args}",
        ctx.arch(),
        prog.src.display()
    );
    let finished = crate::process::to_log(&cmd, None, Some(Duration::from_secs(TIMEOUT)))
        .map_err(|e| e.to_string())?;
    expect_exit(finished, want, TIMEOUT, None, &reproduce)
}

/// `userland-full-system`: the programs it runs share one guest's boot;
/// the skipped ones are cases of their own.
pub fn cases_full_system(ctx: &Ctx) -> Result<Vec<Listed>> {
    let paths = ctx.paths_at(RunSlot::Guest);
    let one_guest = format!("{} one guest", ctx.prefix());
    Ok(userland::programs(ctx.items, ctx.config, &paths)?
        .iter()
        .map(|prog| Listed {
            id: ctx.name(&rel(&paths, &prog.src)),
            boot: full_system_skip(&paths, prog)
                .is_none()
                .then(|| one_guest.clone()),
        })
        .collect())
}

/// `userland-full-system`: one guest runs a generated script that runs each
/// program and prints a verdict line for it.
pub fn run_full_system(ctx: &Ctx, report: &mut Report) -> Result<()> {
    let start = Instant::now();
    let paths = ctx.paths_at(RunSlot::Guest);
    // The files named are refused before anything is built.
    userland::programs(ctx.items, ctx.config, &paths)?;
    if !ctx.build_first(userland::build, &paths, report) {
        return Ok(());
    }
    let mut script = String::from(
        "# Written by lkmc test userland-full-system: run each program, check its status.\n\
         # Programs come from the host over 9P; they run in /tmp, where files can be mmapped.\n\
         cd /tmp || exit 1\n",
    );
    let mut names = Vec::new();
    for prog in userland::programs(ctx.items, ctx.config, &paths)? {
        let name = rel(&paths, &prog.src);
        if !ctx.wants(&ctx.name(&name)) {
            continue;
        }
        if let Some(why) = full_system_skip(&paths, &prog) {
            report.skip(&ctx.name(&name), why);
            continue;
        }
        // The fresh build, over 9P: the image may predate it.
        let built = paths
            .out_rootfs_overlay_lkmc_dir
            .join(Path::new(&name).with_extension("out"));
        let exe = guest_path(&paths, &built).map_err(anyhow::Error::msg)?;
        script.push_str(&check_program(&name, &exe, &prog.props)?);
        names.push(name);
    }
    // Only skips selected (a shard, a filter): no guest to boot.
    if names.is_empty() {
        return Ok(());
    }
    let file = paths.run_dir.join("userland-full-system.sh");
    crate::plan::write_file(&file, &script, false)?;
    let eval = format!(
        "sh {}",
        guest_path(&paths, &file).map_err(anyhow::Error::msg)?
    );
    let out = ctx.lkmc_run_output(RunSlot::Guest, &["--eval", &eval]);
    record_guest_results(ctx, &paths, &names, start, &out, report);
    Ok(())
}

fn full_system_skip(paths: &Paths, prog: &Program) -> Option<String> {
    let p = &prog.props;
    if let Some(why) = p.skip.as_ref().or(p.skip_full_system.as_ref()) {
        Some(why.clone())
    } else if p.slow == Some(true) {
        Some("slow".into())
    } else if p.freestanding == Some(true) {
        Some("freestanding: it needs no Linux".into())
    } else if !prog.src.starts_with(&paths.userland_source_dir) {
        Some("not under userland/: not in the guest's tree".into())
    } else if prog
        .src
        .starts_with(paths.userland_source_dir.join("kernel_modules"))
    {
        Some("needs its kernel module loaded: the modules suite runs it".into())
    } else {
        None
    }
}

/// The script lines that run one program in the guest and print its
/// verdict in the guest result protocol, with its output's end on failure.
fn check_program(name: &str, exe: &str, p: &Props) -> Result<String> {
    let want = p.expected_status()?;
    let args = p.args.clone().unwrap_or_default();
    Ok(format!(
        "printf %s {stdin} > /tmp/in; {exe} {args} < /tmp/in > /tmp/out 2>&1; s=$?\n\
         if [ $s -eq {want} ]; then echo '{RESULT_LINE}{name} PASS'; else \
         tail -n 5 /tmp/out | sed 's|^|{OUTPUT_LINE}{name}: |'; \
         echo \"{RESULT_LINE}{name} FAIL exit $s, expected {want}\"; fi\n",
        stdin = quote(p.stdin.as_deref().unwrap_or("")),
        exe = quote(exe),
    ))
}

/// A program's case name: its source, relative to userland/.
fn rel(paths: &Paths, src: &Path) -> String {
    src.strip_prefix(&paths.userland_source_dir)
        .unwrap_or(src)
        .display()
        .to_string()
}
