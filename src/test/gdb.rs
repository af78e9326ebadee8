//! The gdb suite: GDB on the kernel (start_kernel, a syscall with the
//! kernel's lx scripts, a module loaded after GDB attached), on a userland
//! program in QEMU user mode and under gdbserver in the guest, and KGDB.
//!
//! Cases only: what to debug, the GDB commands, what the output must hold.
//! Starting the guest and GDB is gdb_harness's.

use std::path::Path;

use crate::build::deps::GDBSERVER;
use crate::facts::{Emulator, machine};
use crate::gdb::Target;
use crate::guest::{gdbserver_script, guest_path};
use crate::paths::Paths;

use super::gdb_harness::{Session, expect_in, session};
use super::harness::{Ctx, Listed, RunSlot};
use super::report::Report;

type Case = fn(&Ctx, &Paths) -> Result<(), String>;

const CASES: &[(&str, Case)] = &[
    ("break at start_kernel, backtrace", start_kernel),
    ("break at a syscall the guest makes; lx scripts", syscall),
    (
        "break in a module loaded later (lx-symbols)",
        module_loaded_later,
    ),
    ("userland: break at a line, read variables", user_mode),
    (
        "gdbserver in the guest: break at a line, read variables",
        gdbserver,
    ),
];

const KGDB_CASE: &str =
    "KGDB: attach at boot over the second serial port, break at a syscall, detach";

/// Each session starts its own guest.
pub fn cases(ctx: &Ctx) -> anyhow::Result<Vec<Listed>> {
    let names = CASES.iter().map(|(case, _)| *case).chain([KGDB_CASE]);
    Ok(names.map(|c| Listed::alone(ctx.name(c))).collect())
}

pub fn run(ctx: &Ctx, report: &mut Report) -> anyhow::Result<()> {
    let paths = ctx.paths_at(RunSlot::Gdb);
    for (case, check) in CASES {
        let name = ctx.name(case);
        if ctx.wants(&name) {
            report.case(&name, || check(ctx, &paths));
        }
    }
    let kgdb_name = ctx.name(KGDB_CASE);
    if !ctx.wants(&kgdb_name) {
        return Ok(());
    }
    if machine(ctx.arch(), Emulator::Qemu).extra_console.is_some() {
        report.case(&kgdb_name, || kgdb(ctx));
    } else {
        report.skip(&kgdb_name, "no second serial port in the guest for KGDB");
    }
    Ok(())
}

/// A GDB session on the kernel of the suite's guest.
fn kernel<'a>(
    break_at: Option<&'a str>,
    commands: &'a [&'a str],
    run: &'a [&'a str],
) -> Session<'a> {
    Session {
        slot: RunSlot::Gdb,
        target: Target::Kernel,
        break_at,
        commands,
        run,
        ready: None,
    }
}

fn start_kernel(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let s = kernel(
        Some("start_kernel"),
        &["bt", "detach"],
        &["--gdb-wait", "--eval", "true"],
    );
    expect_in(
        &session(ctx, s)?,
        &["Breakpoint 1", "start_kernel (", "#0  "],
    )
}

fn syscall(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let s = kernel(
        None,
        &["break ksys_sync", "continue", "bt", "lx-ps", "detach"],
        &["--gdb-wait", "--eval", "sync"],
    );
    let out = session(ctx, s)?;
    expect_in(&out, &["Breakpoint 1", "ksys_sync ("])?;
    // lx-ps (the kernel's GDB scripts) lists the process that made the call.
    let listed = out
        .lines()
        .any(|l| l.starts_with("0x") && l.split_whitespace().last() == Some("sync"));
    if listed {
        Ok(())
    } else {
        Err(format!("lx-ps did not list the `sync` process:\n{out}"))
    }
}

fn module_loaded_later(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let arch = ctx.arch();
    let ko = paths.out_rootfs_overlay_lkmc_dir.join("timer.ko");
    if !ko.is_file() {
        return Err(format!(
            "{} is not built: lkmc build --arch {arch} modules",
            ko.display()
        ));
    }
    let lx_symbols = format!(
        "lx-symbols {}",
        crate::cmd::p(&paths.kernel_modules_build_dir)
    );
    let commands = [
        // tbreak: on arm64 start_kernel has two locations, and a `break`
        // would stop at the second one too.
        "tbreak start_kernel",
        "continue",
        &lx_symbols,
        "set breakpoint pending on",
        "break lkmc_timer_callback",
        "continue",
        // Bounded: on arm the unwinder loops through __irq_svc forever from
        // a timer callback.
        "bt 8",
        "delete",
        "detach",
    ];
    let eval = format!(
        "insmod {} && sleep 2 && rmmod timer",
        guest_path(paths, &ko)?
    );
    let out = session(
        ctx,
        kernel(None, &commands, &["--gdb-wait", "--eval", &eval]),
    )?;
    // The hit must come from the timer: a breakpoint resolved by lx-symbols
    // in a module loaded after GDB attached.
    expect_in(&out, &["Breakpoint 2", "call_timer_fn"])
}

fn user_mode(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    add_c(ctx, paths, false)
}

fn gdbserver(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    add_c(ctx, paths, true)
}

/// The same session on userland/gdb/add.c twice: in QEMU user mode, and
/// under gdbserver in the full-system guest. It breaks at two marked lines
/// and reads variables.
fn add_c(ctx: &Ctx, paths: &Paths, in_guest: bool) -> Result<(), String> {
    let src = paths.userland_source_dir.join("gdb/add.c");
    let text = std::fs::read_to_string(&src).map_err(|e| e.to_string())?;
    let line_of = |mark: &str| {
        text.lines()
            .position(|l| l.contains(mark))
            .map(|i| i + 1)
            .ok_or(format!("no {mark:?} in add.c"))
    };
    let b1 = format!("break add.c:{} if a == 2", line_of("gdb-test: a == 2")?);
    let b2 = format!("break add.c:{}", line_of("gdb-test: total == 9")?);
    let exe = crate::build::userland::executable(&src, ctx.config, paths, &ctx.quiet())
        .map_err(|e| format!("{e:#}"))?;
    let commands = [
        b1.as_str(),
        "continue",
        "print b",
        b2.as_str(),
        "continue",
        "print total",
        "continue",
    ];
    let out = if in_guest {
        under_gdbserver(ctx, paths, &exe, &commands)?
    } else {
        let src_arg = src.to_string_lossy();
        session(
            ctx,
            Session {
                slot: RunSlot::Gdb,
                target: Target::Userland(&exe),
                break_at: None,
                commands: &commands,
                run: &["--userland", &src_arg, "--gdb-wait"],
                ready: None,
            },
        )?
    };
    expect_in(&out, &["$1 = 3", "$2 = 9", "exited normally"])
}

fn under_gdbserver(
    ctx: &Ctx,
    paths: &Paths,
    exe: &Path,
    commands: &[&str],
) -> Result<String, String> {
    let arch = ctx.arch();
    let server = GDBSERVER.unpacked(paths);
    if !server.is_file() {
        return Err(format!(
            "no gdbserver for {arch} ({} is missing): \
             lkmc build --download-dependencies --arch {arch}",
            server.display()
        ));
    }
    // The fresh build, over 9P: the image may predate it.
    let fresh = paths.out_rootfs_overlay_lkmc_dir.join("gdb/add.out");
    let eval = format!("{} {}", gdbserver_script(), guest_path(paths, &fresh)?);
    session(
        ctx,
        Session {
            slot: RunSlot::Gdb,
            target: Target::Gdbserver(exe),
            break_at: None,
            commands,
            run: &["--eval", &eval],
            ready: Some("Listening on port"),
        },
    )
}

fn kgdb(ctx: &Ctx) -> Result<(), String> {
    let s = Session {
        slot: RunSlot::Gdb,
        target: Target::Kgdb,
        break_at: None,
        commands: &[
            "bt",
            "break ksys_sync",
            "continue",
            "bt",
            "delete",
            "detach",
        ],
        run: &["--kgdb", "--eval", "sync"],
        ready: Some("Waiting for connection from remote gdb"),
    };
    expect_in(
        &session(ctx, s)?,
        &[
            "kgdb_breakpoint",
            "init_kgdboc",
            "hit Breakpoint 1, ksys_sync",
            "detached",
        ],
    )
}
