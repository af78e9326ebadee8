//! The tools suite: `lkmc run-toolchain` and `lkmc trace2line` as a user
//! runs them, on userland/c/hello.c built for the arch and traced in QEMU
//! user mode (`--trace-insts-stdout`).
//!
//! Cases only; each runs lkmc itself as a child, with this run's options.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::cmd::{Cmd, p};
use crate::paths::Paths;

use super::harness::{Ctx, Listed, RunSlot, describe, expect_error};
use super::report::Report;

/// The traced program, relative to the checkout.
const PROGRAM: &str = "userland/c/hello.c";

/// A case: the context, the tools slot's paths, the source and the built
/// program.
type Case = fn(&Ctx, &Paths, &Path, &Path) -> Result<(), String>;

const CASES: &[(&str, Case)] = &[
    (
        "run-toolchain readelf -h: the arch's ELF",
        |c, _, _, exe| readelf(c, exe),
    ),
    (
        "run-toolchain --print-tool gcc is getvar gcc",
        |c, paths, _, _| print_tool(c, paths),
    ),
    (
        "run-toolchain of a tool the toolchain lacks is refused",
        |c, _, _, _| {
            let out = lkmc(c, "run-toolchain", &["no-such-tool"]);
            expect_error(out, 2, "has no such tool", "run-toolchain no-such-tool")
        },
    ),
    (
        "run --userland --kernel-version: the program sees that release; run.sh kept",
        |c, paths, _, _| kernel_version(c, paths),
    ),
    (
        "trace2line of hello.c traced in user mode names main",
        |c, paths, src, _| trace_names_main(c, paths, src),
    ),
    (
        "trace2line of a program without debug info is refused",
        |c, paths, _, exe| without_debug_info(c, paths, exe),
    ),
];

/// Each case on its own (they share only the built program).
pub fn cases(ctx: &Ctx) -> anyhow::Result<Vec<Listed>> {
    Ok(CASES
        .iter()
        .map(|(case, _)| Listed::alone(ctx.name(case)))
        .collect())
}

pub fn run(ctx: &Ctx, report: &mut Report) -> anyhow::Result<()> {
    if !CASES.iter().any(|(case, _)| ctx.wants(&ctx.name(case))) {
        return Ok(());
    }
    let paths = ctx.paths_at(RunSlot::Tools);
    let src = ctx.config.root.join(PROGRAM);
    let exe = match crate::build::userland::executable(&src, ctx.config, &paths, &ctx.quiet()) {
        Ok(exe) => exe,
        Err(e) => {
            report.case(&ctx.name("build"), || Err(format!("{e:#}")));
            return Ok(());
        }
    };
    for (case, check) in CASES {
        let name = ctx.name(case);
        if ctx.wants(&name) {
            report.case(&name, || check(ctx, &paths, &src, &exe));
        }
    }
    Ok(())
}

/// `lkmc SUBCOMMAND` with this run's options and the tools slot's run id.
fn lkmc(ctx: &Ctx, subcommand: &str, extra: &[&str]) -> Result<Output, String> {
    let config = ctx.config_at(RunSlot::Tools, 0);
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("lkmc"));
    let cmd = Cmd::new(p(&exe))
        .arg(subcommand)
        .args(config.to_args())
        .args(extra);
    crate::process::output(&cmd, None).map_err(|e| format!("{e:#}"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// readelf of the toolchain reads the program, and says it is for the arch.
fn readelf(ctx: &Ctx, exe: &Path) -> Result<(), String> {
    let out = lkmc(ctx, "run-toolchain", &["readelf", "--", "-h", &p(exe)])?;
    let machine = match ctx.arch() {
        crate::facts::Arch::X86_64 => "X86-64",
        crate::facts::Arch::Arm => "ARM",
        crate::facts::Arch::Aarch64 => "AArch64",
    };
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Machine:"));
    match line {
        Some(l) if out.status.success() && l.contains(machine) => Ok(()),
        _ => Err(format!(
            "wanted a `Machine: ...{machine}` line; {}; stdout: {}",
            describe(&out),
            text.lines().take(3).collect::<Vec<_>>().join(" | ")
        )),
    }
}

fn print_tool(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let out = lkmc(ctx, "run-toolchain", &["--print-tool", "gcc"])?;
    let got = stdout(&out);
    if out.status.success() && got.trim() == p(&paths.gcc) {
        Ok(())
    } else {
        Err(format!(
            "wanted {}; got {:?}; {}",
            paths.gcc.display(),
            got.trim(),
            describe(&out)
        ))
    }
}

/// Trace hello in user mode, then map the run's trace to lines: `main`
/// and hello.c must be there.
fn trace_names_main(ctx: &Ctx, paths: &Paths, src: &Path) -> Result<(), String> {
    let src = p(src);
    let run = ctx.lkmc_run_output(
        RunSlot::Tools,
        &["--userland", &src, "--trace-insts-stdout"],
    )?;
    if !run.status.success() {
        return Err(format!("the traced run failed: {}", describe(&run)));
    }
    let out = lkmc(ctx, "trace2line", &["--userland", &src])?;
    let text = stdout(&out);
    let main = text.lines().find(|l| {
        let w: Vec<&str> = l.split_whitespace().collect();
        w.get(1) == Some(&"main") && w.get(2).is_some_and(|f| f.contains("hello.c:"))
    });
    match main {
        Some(_) if out.status.success() => Ok(()),
        _ => Err(format!(
            "no `N main .../hello.c:LINE` line in trace2line's output ({} lines; {}; \
             the trace: {})",
            text.lines().count(),
            describe(&out),
            paths.termout_file.display()
        )),
    }
}

/// The release `--kernel-version` gives reaches the program's uname(2)
/// (uname.c checks it against its argument), and the run's command is in
/// the run dir's run.sh.
fn kernel_version(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    const RELEASE: &str = "9.8.7-lkmc";
    let uname = p(&ctx.config.root.join("userland/posix/uname.c"));
    let _ = std::fs::remove_file(&paths.run_cmd_file);
    let run = ctx.lkmc_run_output(
        RunSlot::Tools,
        &[
            "--userland",
            &uname,
            "--kernel-version",
            RELEASE,
            "--cli-args",
            RELEASE,
        ],
    )?;
    let text = stdout(&run);
    if !run.status.success() || !text.contains(&format!("release={RELEASE}")) {
        return Err(format!(
            "wanted exit 0 and release={RELEASE}; {}; stdout: {}",
            describe(&run),
            text.lines().collect::<Vec<_>>().join(" | ")
        ));
    }
    let script = std::fs::read_to_string(&paths.run_cmd_file).unwrap_or_default();
    if !script.contains("uname.out") || !script.contains(RELEASE) {
        return Err(format!(
            "{} does not hold the run's command (uname.out, {RELEASE}): {script:?}",
            paths.run_cmd_file.display()
        ));
    }
    Ok(())
}

/// A stripped copy of the program (the toolchain's strip) is refused with
/// the reason.
fn without_debug_info(ctx: &Ctx, paths: &Paths, exe: &Path) -> Result<(), String> {
    let stripped = paths.run_dir.join("hello-stripped.out");
    let strip = lkmc(
        ctx,
        "run-toolchain",
        &["strip", "--", "-o", &p(&stripped), &p(exe)],
    )?;
    if !strip.status.success() {
        return Err(format!("strip failed: {}", describe(&strip)));
    }
    let trace = paths.run_dir.join("tools-trace.txt");
    std::fs::write(&trace, "IN: main\n0x1000:  nop\n").map_err(|e| e.to_string())?;
    let out = lkmc(
        ctx,
        "trace2line",
        &["--userland", &p(&stripped), &p(&trace)],
    );
    expect_error(
        out,
        2,
        "has no debug info",
        "trace2line of a stripped program",
    )
}
