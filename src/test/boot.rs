//! The boot suite: boot each arch and check what a user relies on: the init
//! runs, `--eval` exit statuses and quoting, the guest network, panics,
//! record/replay, 9P, and run ids keeping runs apart.
//!
//! Cases only, each one child `lkmc run` or a few; how runs start and how
//! cases are reported is the harness's.

use std::process::Output;

use crate::guest::guest_path;
use crate::paths::Paths;

use super::harness::{Ctx, Listed, RunSlot, describe, expect_error, expect_status};
use super::report::Report;

type Case = fn(&Ctx, &Paths) -> Result<(), String>;

const CASES: &[(&str, Case)] = &[
    ("init runs, --eval true exits 0", init_runs),
    ("--eval 'exit 3' exits 3", eval_status),
    ("--eval with quotes, $, \\ and newline", eval_quoting),
    (
        "network and hostname set up by the kernel",
        network_by_kernel,
    ),
    (
        "network and hostname set up by rcS (ip=off)",
        network_by_rcs,
    ),
    ("panic detected and reported", panic),
    (
        "--record then --replay: the same random boot_id; other options refused",
        record_replay,
    ),
    ("host file visible over 9P", nine_p),
    ("two run ids at once; a busy id is refused", run_ids),
    (
        "guest helpers: conf.sh greps the config, pr_debug.sh logs insmod",
        helpers,
    ),
];

/// Each case boots its own guest.
pub fn cases(ctx: &Ctx) -> anyhow::Result<Vec<Listed>> {
    Ok(CASES
        .iter()
        .map(|(case, _)| Listed::alone(ctx.name(case)))
        .collect())
}

pub fn run(ctx: &Ctx, report: &mut Report) -> anyhow::Result<()> {
    let paths = ctx.paths_at(RunSlot::Guest);
    for (case, check) in CASES {
        let name = ctx.name(case);
        if ctx.wants(&name) {
            report.case(&name, || check(ctx, &paths));
        }
    }
    Ok(())
}

/// A guest run in the suite's slot, to its end.
fn guest(ctx: &Ctx, extra: &[&str]) -> Result<Output, String> {
    ctx.lkmc_run_output(RunSlot::Guest, extra)
}

fn init_runs(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let out = guest(ctx, &["--eval", "true"])?;
    if out.status.code() != Some(0) {
        return Err(describe(&out));
    }
    let termout = std::fs::read_to_string(&paths.termout_file).unwrap_or_default();
    if !termout.contains("lkmc: init done") {
        return Err(format!(
            "exit 0 but the init's 'lkmc: init done' line is not in {}",
            paths.termout_file.display()
        ));
    }
    Ok(())
}

fn eval_status(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    expect_status(guest(ctx, &["--eval", "exit 3"]), 3)
}

fn eval_quoting(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let tricky = "a='q\"u$o\\'; b=\"$a\"\ntest \"$b\" = 'q\"u$o\\' && test \"$(printf %s é)\" = é";
    expect_status(guest(ctx, &["--eval", tricky]), 0)
}

fn network_by_kernel(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    network(ctx, &[])
}

fn network_by_rcs(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    network(ctx, &["--kernel-cli", "ip=off"])
}

/// The guest network, set by the kernel (ip=) and, with ip=off, by rcS.
fn network(ctx: &Ctx, extra: &[&str]) -> Result<(), String> {
    let net = "[ \"$(hostname)\" = lkmc ] && route -n | grep -q '^0.0.0.0 *10.0.2.2 ' \
               && ifconfig eth0 | grep -q 'inet addr:10.0.2.15 '";
    let mut run_args = vec!["--eval", net];
    run_args.extend(extra);
    expect_status(guest(ctx, &run_args), 0)
}

fn panic(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let out = guest(ctx, &["--eval", "echo c > /proc/sysrq-trigger; sleep 30"])?;
    let err = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        Err("a panic was not detected (exit 0)".into())
    } else if !err.contains("Kernel panic") {
        Err(format!("no panic lines reported; {}", describe(&out)))
    } else {
        Ok(())
    }
}

/// A random value read by the guest must come back the same in replay.
fn record_replay(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let recorded = boot_id_run(ctx, paths, "--record")?;
    let replayed = boot_id_run(ctx, paths, "--replay")?;
    match (recorded, replayed) {
        (Some(a), Some(b)) if a == b => Ok(()),
        (a, b) => Err(format!(
            "the replay differs: recorded boot_id {a:?}, replayed {b:?}"
        )),
    }?;
    // Other options than the recording's are refused before QEMU starts.
    expect_error(
        guest(ctx, &["--replay", "--eval", "true"]),
        2,
        "another QEMU command",
        "a replay with other options was not refused",
    )
}

/// The boot_id a run in `mode` (--record, --replay) printed, read from the
/// console the run dir keeps (the tests run quiet).
fn boot_id_run(ctx: &Ctx, paths: &Paths, mode: &str) -> Result<Option<String>, String> {
    let eval = "cat /proc/sys/kernel/random/boot_id";
    let out = guest(ctx, &[mode, "--eval", eval])?;
    if !out.status.success() {
        return Err(format!("{mode}: {}", describe(&out)));
    }
    Ok(std::fs::read_to_string(&paths.termout_file)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 36 && l.matches('-').count() == 4)
        .map(str::to_string))
}

fn nine_p(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let token = format!("lkmc-9p-{}-{}", std::process::id(), ctx.arch());
    let host_file = paths.run_dir.join("9p-check.txt");
    crate::plan::write_file(&host_file, &token, false).map_err(|e| e.to_string())?;
    let eval = format!("grep -q '{token}' {}", guest_path(paths, &host_file)?);
    expect_status(guest(ctx, &["--eval", &eval]), 0)
}

fn run_ids(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    let sleeper = |slot| ctx.lkmc_run_output(slot, &["--eval", "sleep 2"]);
    let (a, b, busy) = std::thread::scope(|s| {
        let a = s.spawn(|| sleeper(RunSlot::LockFirst));
        let b = s.spawn(|| sleeper(RunSlot::LockSecond));
        // While the first id holds its lock, a second run with it must be refused.
        std::thread::sleep(std::time::Duration::from_millis(300));
        let busy = ctx.lkmc_run_output(RunSlot::LockFirst, &["--eval", "true"]);
        let a = a.join().expect("the first run's thread panicked");
        let b = b.join().expect("the second run's thread panicked");
        (a, b, busy)
    });
    expect_status(a, 0).map_err(|e| format!("run id 1: {e}"))?;
    expect_status(b, 0).map_err(|e| format!("run id 2: {e}"))?;
    let busy = busy?;
    if busy.status.code() != Some(2) || !String::from_utf8_lossy(&busy.stderr).contains("busy") {
        return Err(format!(
            "a second run with a busy id was not refused: {}",
            describe(&busy)
        ));
    }
    Ok(())
}

/// rootfs_overlay/lkmc/conf.sh and pr_debug.sh, from the checkout over 9P:
/// the config has IKCONFIG_PROC, and with the module loader's pr_debug on,
/// an insmod logs its finit_module call.
fn helpers(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let script = |name: &str| guest_path(paths, &paths.rootfs_overlay_dir.join("lkmc").join(name));
    let ko = guest_path(paths, &paths.out_rootfs_overlay_lkmc_dir.join("hello.ko"))?;
    let eval = format!(
        "sh {conf} ikconfig_proc | grep -qx CONFIG_IKCONFIG_PROC=y && sh {pr_debug} && \
         insmod {ko} && rmmod hello && dmesg | grep -q 'finit_module: fd='",
        conf = script("conf.sh")?,
        pr_debug = script("pr_debug.sh")?,
    );
    expect_status(guest(ctx, &["--eval", &eval]), 0)
}
