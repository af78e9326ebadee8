//! The baremetal suite (archs with a baremetal runtime): every image in
//! QEMU in parallel, checked against its properties; then the user's way in,
//! `lkmc run --baremetal hello.c`, and GDB breaking at `main` of an image.
//!
//! Cases only; which images exist and how they are built and booted is
//! build::baremetal's and run's.

use std::time::Duration;

use anyhow::Result;

use crate::build::baremetal::{self, Image};
use crate::emulator;
use crate::facts::Emulator;
use crate::gdb::Target;
use crate::options::Boot;
use crate::paths::Paths;

use super::gdb_harness::{Session, expect_in, session};
use super::harness::{Ctx, Listed, RunSlot, describe, expect_exit, tail};
use super::report::Report;

/// Seconds an image may run.
const TIMEOUT: u64 = 30;

const RUN_CASE: &str = "lkmc run --baremetal hello.c";
const GDB_CASE: &str = "GDB: break at main of an image";

/// A case per image (each runs alone, on a worker), then the two of
/// hello.c; an arch without a runtime is one skipped case.
pub fn cases(ctx: &Ctx) -> Result<Vec<Listed>> {
    if ctx.arch().facts().baremetal.is_none() {
        return Ok(vec![Listed::alone(ctx.prefix())]);
    }
    let paths = ctx.paths_at(RunSlot::Guest);
    let mut ids: Vec<String> = baremetal::images(ctx.items, ctx.config, &paths)?
        .iter()
        .map(|image| ctx.name(&rel(ctx, image)))
        .collect();
    if ctx.items.is_empty() {
        ids.extend([RUN_CASE, GDB_CASE].map(|c| ctx.name(c)));
    }
    Ok(ids.into_iter().map(Listed::alone).collect())
}

pub fn run(ctx: &Ctx, report: &mut Report) -> Result<()> {
    if ctx.arch().facts().baremetal.is_none() {
        report.skip(&ctx.prefix(), "no baremetal runtime for this arch");
        return Ok(());
    }
    let paths = ctx.paths_at(RunSlot::Guest);
    // The files named are refused before anything is built.
    baremetal::check(ctx.items, ctx.config, &paths)?;
    if !ctx.build_first(baremetal::build, &paths, report) {
        return Ok(());
    }
    images(ctx, &paths, report)?;
    if !ctx.items.is_empty() {
        return Ok(());
    }
    let hello = paths.baremetal_source_dir.join("hello.c");
    let hello = hello.to_string_lossy();
    let (run_name, gdb_name) = (ctx.name(RUN_CASE), ctx.name(GDB_CASE));
    if ctx.wants(&run_name) {
        report.case(&run_name, || run_hello(ctx, &hello));
    }
    if ctx.wants(&gdb_name) {
        report.case(&gdb_name, || gdb_hello(ctx, &hello));
    }
    Ok(())
}

/// Every image (the user's, or all), each on a worker with its own run id:
/// QEMU's GDB port must not clash.
fn images(ctx: &Ctx, paths: &Paths, report: &mut Report) -> Result<()> {
    let mut cases = Vec::new();
    for image in baremetal::images(ctx.items, ctx.config, paths)? {
        if !ctx.wants(&ctx.name(&rel(ctx, &image))) {
            continue;
        }
        match &image.props.skip {
            Some(why) => report.skip(&ctx.name(&rel(ctx, &image)), why.clone()),
            None => cases.push(image),
        }
    }
    if cases.is_empty() {
        return Ok(());
    }
    // The images run in-process through QEMU's command line: another
    // emulator would silently be tested as QEMU.
    if ctx.config.emulator != Emulator::Qemu {
        let why = format!(
            "baremetal images run in QEMU only; --emulator {} is not implemented for them yet",
            ctx.config.emulator
        );
        report.case(&ctx.name("images"), || Err(why));
        return Ok(());
    }
    let workers: Vec<Paths> = (0..ctx.config.nproc.max(1))
        .map(|w| Paths::new(&ctx.config_at(RunSlot::BaremetalWorkers, w as u16)))
        .collect();
    ctx.parallel(report, &cases, |_i, worker, image| {
        let r = image_case(ctx, &workers[worker], image);
        (rel(ctx, image), r)
    });
    Ok(())
}

fn image_case(ctx: &Ctx, paths: &Paths, image: &Image) -> Result<(), String> {
    let want = image.props.expected_status().map_err(|e| e.to_string())?;
    // A bare `lkmc run`'s boot, on as many CPUs as the image starts, with
    // the arguments of its properties (as `--cli-args`).
    let args = shlex::split(image.props.args.as_deref().unwrap_or(""))
        .ok_or("unbalanced quotes in the args of its properties")?;
    let boot = Boot {
        cpus: image.props.smp.unwrap_or(1),
        program_args: args.clone(),
        ..Boot::default()
    };
    let cmd = emulator::get(Emulator::Qemu)
        .baremetal(&boot, &image.out, ctx.config, paths)
        .map_err(|e| format!("{e:#}"))?;
    // The image's output only matters when it fails: it says why.
    let log = paths.run_dir.join("baremetal.log");
    std::fs::create_dir_all(&paths.run_dir).map_err(|e| e.to_string())?;
    if !args.is_empty() {
        let step = baremetal::cli_args_step(&image.out, &args, paths).map_err(|e| e.to_string())?;
        if let crate::plan::Step::Write { path, contents, .. } = step {
            crate::plan::write_file(&path, &contents, false).map_err(|e| e.to_string())?;
        }
    }
    let timeout = Some(Duration::from_secs(TIMEOUT));
    let finished = crate::process::to_log(&cmd, Some(&log), timeout).map_err(|e| e.to_string())?;
    let output = tail(&std::fs::read_to_string(&log).unwrap_or_default(), 4, " | ");
    let cli_args = match &image.props.args {
        Some(a) => format!(" --cli-args {}", crate::cmd::quote(a)),
        None => String::new(),
    };
    let reproduce = format!(
        "lkmc run --arch {}{} --baremetal {}{cli_args}",
        ctx.arch(),
        super::harness::provider_args(ctx.config),
        image.src.display()
    );
    expect_exit(finished, want, TIMEOUT, Some(output), &reproduce)
}

/// An image's case name: its source, relative to the checkout.
fn rel(ctx: &Ctx, image: &Image) -> String {
    image
        .src
        .strip_prefix(&ctx.config.root)
        .unwrap_or(&image.src)
        .display()
        .to_string()
}

/// `lkmc run --baremetal` prints through the UART and passes the exit
/// status on.
fn run_hello(ctx: &Ctx, hello: &str) -> Result<(), String> {
    let out = ctx.lkmc_run_output(RunSlot::BaremetalRun, &["--baremetal", hello])?;
    let text = String::from_utf8_lossy(&out.stdout);
    if out.status.code() == Some(0) && text.lines().any(|l| l.trim_end() == "hello") {
        Ok(())
    } else {
        Err(format!(
            "wanted exit 0 and a line `hello`; {}; stdout: {text}",
            describe(&out)
        ))
    }
}

/// GDB on an image: break at main, step through C, read a variable.
fn gdb_hello(ctx: &Ctx, hello: &str) -> Result<(), String> {
    let image = ctx
        .paths_at(RunSlot::BaremetalGdb)
        .baremetal_build_dir
        .join("hello.elf");
    let s = Session {
        slot: RunSlot::BaremetalGdb,
        target: Target::Baremetal(&image),
        break_at: Some("main"),
        commands: &["bt", "info registers pc", "continue"],
        run: &["--baremetal", hello, "--gdb-wait"],
        ready: None,
    };
    expect_in(
        &session(ctx, s)?,
        &["Breakpoint 1, main", "hello.c:", "#0  main"],
    )
}
