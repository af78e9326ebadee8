//! The monitor suite: `lkmc qemu-monitor` and `lkmc snapshot` on a guest
//! running in the background, as a user drives them from a second shell.
//!
//! One guest boots with rootfs_overlay/lkmc/count.sh counting on its
//! console (the 9P shares unmounted first: QEMU cannot snapshot a guest
//! with one mounted); the cases then ask the monitor for the VM status,
//! save a snapshot, let the count go on, load the snapshot and check that
//! the count went back, check that loading a name never saved is refused,
//! and stop QEMU with `quit`. A run id with no guest is refused without a
//! boot.
//!
//! Cases only; children start through process.rs.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use crate::cmd::{Cmd, p};
use crate::guest::guest_path;
use crate::paths::Paths;
use crate::process::{Background, background, poll};

use super::harness::{Ctx, Listed, RunSlot, describe, expect_error};
use super::report::Report;

const NO_GUEST: &str = "qemu-monitor with no guest on the run id: refused, says how to start one";

/// The cases that share the guest, in the order they run.
const STATUS: &str = "qemu-monitor info status of a running guest";
const SAVE_LOAD: &str = "snapshot save, then load: count.sh goes back to the saved count";
const MISSING: &str = "snapshot load of a name never saved: refused, naming the saved ones";
const QUIT: &str = "qemu-monitor quit stops QEMU; the run ends with 0";
const SHARED: [&str; 4] = [STATUS, SAVE_LOAD, MISSING, QUIT];

/// The boot the shared cases run on (a shard runs all of them or none).
const BOOT: &str = "count.sh guest";

/// The snapshot the cases save.
const SNAPSHOT: &str = "lkmc-test";

pub fn cases(ctx: &Ctx) -> anyhow::Result<Vec<Listed>> {
    let mut listed = vec![Listed::alone(ctx.name(NO_GUEST))];
    listed.extend(SHARED.iter().map(|c| Listed {
        id: ctx.name(c),
        boot: Some(ctx.name(BOOT)),
    }));
    Ok(listed)
}

pub fn run(ctx: &Ctx, report: &mut Report) -> anyhow::Result<()> {
    let name = ctx.name(NO_GUEST);
    if ctx.wants(&name) {
        report.case(&name, || no_guest(ctx));
    }
    if !SHARED.iter().any(|c| ctx.wants(&ctx.name(c))) {
        return Ok(());
    }
    let paths = ctx.paths_at(RunSlot::Monitor);
    let mut guest = match Guest::boot(ctx, &paths) {
        Ok(g) => g,
        Err(why) => {
            for c in SHARED {
                report.case(&ctx.name(c), || Err(why.clone()));
            }
            return Ok(());
        }
    };
    for c in SHARED {
        let name = ctx.name(c);
        if ctx.wants(&name) {
            report.case(&name, || match c {
                STATUS => status(ctx),
                SAVE_LOAD => save_load(ctx, &guest),
                MISSING => missing(ctx),
                _ => quit(ctx, &mut guest),
            });
        }
    }
    guest.stop();
    Ok(())
}

/// `lkmc SUBCOMMAND` for the monitor slot's run id, quiet (only the
/// answer on stdout); `words` after lkmc's options.
fn lkmc(ctx: &Ctx, slot: RunSlot, subcommand: &str, words: &[&str]) -> Result<Output, String> {
    let config = crate::config::Config {
        quiet: true,
        verbose: false,
        ..ctx.config_at(slot, 0)
    };
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let cmd = Cmd::new(p(&exe))
        .arg(subcommand)
        .args(config.to_args())
        .args(words);
    crate::process::output(&cmd, Some(Duration::from_secs(120))).map_err(|e| format!("{e:#}"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A run id no guest uses (the slot of the shared guest, before it boots,
/// would be one too; this one is never booted).
fn no_guest(ctx: &Ctx) -> Result<(), String> {
    let out = lkmc(
        ctx,
        RunSlot::MonitorIdle,
        "qemu-monitor",
        &["info", "status"],
    );
    let id = ctx.config_at(RunSlot::MonitorIdle, 0).run_id;
    expect_error(
        out,
        2,
        &format!("running on run id {id}"),
        "qemu-monitor of an idle run id",
    )
    .and_then(|()| {
        let out = lkmc(ctx, RunSlot::MonitorIdle, "snapshot", &["list"]);
        expect_error(out, 2, "--background", "snapshot list of an idle run id")
    })
}

/// The guest of the shared cases: count.sh on its console, in the
/// background.
struct Guest {
    /// None once it ended (`quit`).
    run: Option<Background>,
    console: std::path::PathBuf,
}

impl Guest {
    fn boot(ctx: &Ctx, paths: &Paths) -> Result<Guest, String> {
        // From the checkout over 9P (what the user edits), copied out before
        // the shares go.
        let script = guest_path(paths, &paths.rootfs_overlay_dir.join("lkmc/count.sh"))?;
        let eval = format!("cp {script} /tmp/count.sh && umount -a -t 9p && exec sh /tmp/count.sh");
        let cmd = ctx.lkmc_run(RunSlot::Monitor, &["--background", "--eval", &eval]);
        let console = paths.background_serial_file.clone();
        // A console of an earlier run must not count as this one's.
        let _ = std::fs::remove_file(&console);
        let mut run = background(&cmd).map_err(|e| format!("{e:#}"))?;
        let counting = || counts(&console).len() >= 2;
        poll(Duration::from_secs(120), || counting() || run.exited());
        if !counting() {
            run.kill();
            let out = run.finish().map_err(|e| e.to_string())?;
            return Err(format!(
                "count.sh never counted on the console ({}); {}",
                console.display(),
                describe(&out)
            ));
        }
        Ok(Guest {
            run: Some(run),
            console,
        })
    }

    /// Also when it exited: an emulator left behind must not hold the ports.
    fn stop(self) {
        if let Some(run) = self.run {
            run.kill();
            let _ = run.finish();
        }
    }
}

/// The numbers count.sh printed on `console`, in order (other lines and a
/// line cut by the read are left out).
fn counts(console: &Path) -> Vec<u64> {
    let text = std::fs::read_to_string(console).unwrap_or_default();
    let complete = match text.rfind('\n') {
        Some(i) => &text[..i],
        None => "",
    };
    complete
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

fn status(ctx: &Ctx) -> Result<(), String> {
    let out = lkmc(ctx, RunSlot::Monitor, "qemu-monitor", &["info", "status"])?;
    if out.status.success() && stdout(&out).trim() == "VM status: running" {
        Ok(())
    } else {
        Err(format!(
            "wanted the answer `VM status: running`; got {:?}; {}",
            stdout(&out),
            describe(&out)
        ))
    }
}

/// Save, count on, load: the first number after the load is below the
/// last one printed before it.
fn save_load(ctx: &Ctx, guest: &Guest) -> Result<(), String> {
    let ok = |out: Output, what: &str| match out.status.success() {
        true => Ok(()),
        false => Err(format!("{what}: {}", describe(&out))),
    };
    ok(
        lkmc(ctx, RunSlot::Monitor, "snapshot", &["save", SNAPSHOT])?,
        "snapshot save",
    )?;
    let saved = counts(&guest.console).last().copied().unwrap_or(0);
    // Let the count go well past the saved one.
    let past = |n: u64| counts(&guest.console).last().is_some_and(|&l| l >= n);
    if !poll(Duration::from_secs(30), || past(saved + 3)) {
        return Err(format!(
            "count.sh stopped counting after the save (last: {:?})",
            counts(&guest.console).last()
        ));
    }
    let before = counts(&guest.console);
    ok(
        lkmc(ctx, RunSlot::Monitor, "snapshot", &["load", SNAPSHOT])?,
        "snapshot load",
    )?;
    let new = || counts(&guest.console).len() > before.len();
    if !poll(Duration::from_secs(30), new) {
        return Err("count.sh printed nothing after the load".into());
    }
    let last_before = *before.last().expect("it counted");
    let first_after = counts(&guest.console)[before.len()];
    if first_after < last_before {
        Ok(())
    } else {
        Err(format!(
            "after the load count.sh printed {first_after}, not below {last_before} of before it \
             (saved at about {saved})"
        ))
    }
}

fn missing(ctx: &Ctx) -> Result<(), String> {
    let out = lkmc(ctx, RunSlot::Monitor, "snapshot", &["load", "never-saved"]);
    expect_error(
        out,
        2,
        "no snapshot `never-saved`",
        "loading a name never saved",
    )?;
    let out = lkmc(ctx, RunSlot::Monitor, "snapshot", &["list"])?;
    if out.status.success() && stdout(&out).contains(SNAPSHOT) {
        Ok(())
    } else {
        Err(format!(
            "snapshot list lacks {SNAPSHOT}: {:?}; {}",
            stdout(&out),
            describe(&out)
        ))
    }
}

fn quit(ctx: &Ctx, guest: &mut Guest) -> Result<(), String> {
    let out = lkmc(ctx, RunSlot::Monitor, "qemu-monitor", &["quit"])?;
    if !out.status.success() {
        return Err(format!("qemu-monitor quit: {}", describe(&out)));
    }
    let Some(mut run) = guest.run.take() else {
        return Err("the guest run was gone before quit".into());
    };
    let ended = poll(Duration::from_secs(30), || run.exited());
    run.kill();
    let run_out = run.finish().map_err(|e| e.to_string())?;
    match (ended, run_out.status.code()) {
        (true, Some(0)) => Ok(()),
        (true, _) => Err(format!(
            "the run ended badly after quit: {}",
            describe(&run_out)
        )),
        (false, _) => Err("the run still went on 30 s after quit".into()),
    }
}
