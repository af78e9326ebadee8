//! The gem5 suite: real gem5 runs on arm and aarch64: a full-system boot
//! and its exit statuses, a panic, a program in the booted guest, a
//! checkpoint at the end of boot restored to run other commands (on the
//! atomic CPU and on O3 with caches), a debug trace, statistics read back
//! with `lkmc gem5-stat`, a program in syscall emulation, and GDB at
//! start_kernel, and baremetal images on the same board.
//!
//! It runs gem5 whatever `--emulator` says (it is gem5's suite). Where
//! gem5 cannot run (no gem5 built, x86_64) every case is reported as
//! skipped with the reason, never as passed. Cases only; child runs and
//! reports are the harness's.

use std::process::Output;

use crate::config::Config;
use crate::facts::{Arch, Emulator};
use crate::gdb::Target;
use crate::paths::Paths;

use super::gdb_harness::{Session, expect_in, session};
use super::harness::{Ctx, Listed, RunSlot, describe, expect_status};
use super::report::Report;

type Case = fn(&Ctx, &Paths) -> Result<(), String>;

/// In order: the restore cases use the checkpoint the one before them took.
const CASES: &[(&str, Case)] = &[
    ("boot, --eval true exits 0 through m5 exit", boot),
    ("--eval 'exit 3' exits 3", eval_status),
    (
        "a program of the guest's userland in the booted guest",
        program,
    ),
    ("panic detected (panic_on_panic)", panic),
    (
        "checkpoint at the end of boot (/lkmc/gem5.sh), its readfile run",
        checkpoint,
    ),
    (
        "restore the checkpoint, run another command (exit 7)",
        restore,
    ),
    (
        "restore on the O3 CPU with caches: stats dumped from the guest",
        restore_o3_stats,
    ),
    ("restore with --trace Exec: m5out/trace.txt", trace),
    ("syscall emulation: userland/c/hello.c", syscall_emulation),
    ("GDB: break at start_kernel, backtrace", gdb_start_kernel),
    (
        "GDB: break in a module loaded later (lx-symbols)",
        gdb_module,
    ),
    ("baremetal: hello.c on the board's UART", baremetal_hello),
    (
        "baremetal: exit_status.c exits 3 (m5_fail)",
        baremetal_status,
    ),
];

/// The cases from the checkpoint to the last restore run in order on one
/// checkpoint: a shard takes all of them or none. The others run alone.
const CHECKPOINT_CASES: std::ops::Range<usize> = 4..8;

pub fn cases(ctx: &Ctx) -> anyhow::Result<Vec<Listed>> {
    let checkpoint = format!("{} checkpoint", ctx.prefix());
    Ok(CASES
        .iter()
        .enumerate()
        .map(|(i, (case, _))| Listed {
            id: ctx.name(case),
            boot: CHECKPOINT_CASES.contains(&i).then(|| checkpoint.clone()),
        })
        .collect())
}

pub fn run(ctx: &Ctx, report: &mut Report) -> anyhow::Result<()> {
    let config = Config {
        emulator: Emulator::Gem5,
        ..ctx.config.clone()
    };
    let ctx = Ctx {
        config: &config,
        ..*ctx
    };
    let paths = ctx.paths_at(RunSlot::Gem5);
    let not_run = if ctx.arch() == Arch::X86_64 {
        Some("lkmc runs gem5 for arm and aarch64 guests only".to_string())
    } else if !paths.gem5_executable.is_file() {
        Some(format!(
            "gem5 is not built ({} is missing): lkmc build --arch {} gem5 (1.5 to 2 hours on \
             two cores), or --gem5-build-dir DIR",
            paths.gem5_executable.display(),
            ctx.arch()
        ))
    } else {
        None
    };
    for (case, check) in CASES.iter().filter(|(case, _)| ctx.wants(&ctx.name(case))) {
        match &not_run {
            Some(why) => report.skip(&ctx.name(case), why.clone()),
            None => report.case(&ctx.name(case), || check(&ctx, &paths)),
        }
    }
    Ok(())
}

fn gem5(ctx: &Ctx, extra: &[&str]) -> Result<Output, String> {
    ctx.lkmc_run_output(RunSlot::Gem5, extra)
}

fn boot(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let out = gem5(ctx, &["--eval", "true"])?;
    if out.status.code() != Some(0) {
        return Err(describe(&out));
    }
    let console = std::fs::read_to_string(&paths.guest_terminal_file).unwrap_or_default();
    if !console.contains("lkmc: init done") {
        return Err(format!(
            "exit 0 but 'lkmc: init done' is not on the console ({})",
            paths.guest_terminal_file.display()
        ));
    }
    Ok(())
}

fn eval_status(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    expect_status(gem5(ctx, &["--eval", "exit 3"]), 3)
}

fn program(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    // Built into the guest's image by `lkmc build userland rootfs`.
    expect_status(gem5(ctx, &["--eval", "./c/hello.out | grep -q 'hello'"]), 0)
}

fn panic(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let out = gem5(ctx, &["--eval", "echo c > /proc/sysrq-trigger; sleep 30"])?;
    let err = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        Err("a panic was not detected (exit 0)".into())
    } else if !err.contains("Kernel panic") {
        Err(format!("no panic lines reported; {}", describe(&out)))
    } else {
        Ok(())
    }
}

/// The boot that takes the checkpoint the restores below start from.
fn checkpoint(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    expect_status(
        gem5(
            ctx,
            &["--eval", "/lkmc/gem5.sh", "--gem5-readfile", "exit 0"],
        ),
        0,
    )?;
    let cpts = std::fs::read_dir(&paths.m5out_dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("cpt."))
        .count();
    match cpts {
        0 => Err(format!("no cpt.* in {}", paths.m5out_dir.display())),
        _ => Ok(()),
    }
}

fn restore(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    expect_status(gem5(ctx, &["--gem5-restore", "1", "--eval", "exit 7"]), 7)
}

fn restore_o3_stats(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let eval = "m5 resetstats; ./c/hello.out; m5 dumpstats";
    let run = [
        "--gem5-restore",
        "1",
        "--cpu-type",
        "o3",
        "--caches",
        "--eval",
        eval,
    ];
    expect_status(gem5(ctx, &run), 0)?;
    let stats = std::fs::read_to_string(&paths.stats_file).map_err(|e| e.to_string())?;
    let names = ["system.switch_cpus.numCycles".to_string()];
    let dumps = crate::gem5_tools::read_stats(&stats, &names);
    let cycles: Vec<u64> = dumps
        .iter()
        .filter_map(|d| d[0].as_deref()?.parse().ok())
        .collect();
    // Our dump after the program, and gem5's own at exit.
    match cycles.first() {
        Some(&n) if n > 0 && dumps.len() >= 2 => Ok(()),
        _ => Err(format!(
            "wanted a dump with O3 cycles (system.switch_cpus.numCycles > 0) in {}; got {cycles:?} \
             in {} dumps",
            paths.stats_file.display(),
            dumps.len()
        )),
    }
}

fn trace(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let run = ["--gem5-restore", "1", "--trace", "Exec", "--eval", "true"];
    expect_status(gem5(ctx, &run), 0)?;
    let trace = std::fs::read_to_string(&paths.trace_txt_file).map_err(|e| e.to_string())?;
    // An Exec line: tick, the CPU, the PC and its symbol, the instruction.
    if trace
        .lines()
        .any(|l| l.contains(": system.cpu") && l.contains(" : "))
    {
        Ok(())
    } else {
        Err(format!(
            "no Exec lines in {} ({} bytes)",
            paths.trace_txt_file.display(),
            trace.len()
        ))
    }
}

fn syscall_emulation(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let out = gem5(ctx, &["--userland", "userland/c/hello.c"])?;
    expect_status(Ok(out.clone()), 0)?;
    if String::from_utf8_lossy(&out.stdout).contains("hello") {
        Ok(())
    } else {
        Err(format!(
            "exit 0 but no 'hello' on stdout; {}",
            describe(&out)
        ))
    }
}

fn gdb_start_kernel(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let text = session(
        ctx,
        Session {
            slot: RunSlot::Gem5,
            target: Target::Kernel,
            break_at: Some("start_kernel"),
            commands: &["bt"],
            run: &["--gdb-wait", "--eval", "true"],
            ready: None,
        },
    )?;
    expect_in(&text, &["start_kernel", "#0"])
}

fn baremetal_hello(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    expect_status(gem5(ctx, &["--baremetal", "baremetal/hello.c"]), 0)?;
    let console = std::fs::read_to_string(&paths.guest_terminal_file).unwrap_or_default();
    if console.contains("hello") {
        Ok(())
    } else {
        Err(format!(
            "exit 0 but no 'hello' on the UART ({})",
            paths.guest_terminal_file.display()
        ))
    }
}

fn baremetal_status(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    expect_status(gem5(ctx, &["--baremetal", "baremetal/exit_status.c"]), 3)
}

fn gdb_module(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let lx_symbols = format!(
        "lx-symbols {}",
        crate::cmd::p(&paths.kernel_modules_build_dir)
    );
    let commands = [
        "tbreak start_kernel",
        "continue",
        &lx_symbols,
        "set breakpoint pending on",
        "break lkmc_timer_callback",
        "continue",
        "bt 8",
        "delete",
        "detach",
    ];
    // No 9P on gem5: the module from the image's /lkmc.
    let eval = "insmod /lkmc/timer.ko && sleep 2 && rmmod timer";
    let text = session(
        ctx,
        Session {
            slot: RunSlot::Gem5,
            target: Target::Kernel,
            break_at: None,
            commands: &commands,
            run: &["--gdb-wait", "--eval", eval],
            ready: None,
        },
    )?;
    expect_in(&text, &["Breakpoint 2", "call_timer_fn"])
}
