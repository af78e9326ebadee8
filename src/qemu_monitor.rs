//! `lkmc qemu-monitor` and `lkmc snapshot`: commands to the QEMU monitor
//! of the guest that runs on this arch and run id.
//!
//! Orchestration only: the monitor's protocol and the reading of its
//! answers are `monitor.rs`'; each command sent is a `Step::Monitor`, so
//! `--dry-run` prints it. Before a real one, lkmc checks that a guest runs
//! on the run id (its monitor port listens; a run that is still starting
//! gets time), and before `loadvm` and `delvm` that the snapshot exists.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

use crate::cli::{QemuMonitorArgs, SnapshotAction, SnapshotArgs};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::Emulator;
use crate::monitor::{self, ANSWER_WAIT, Monitor};
use crate::paths::Paths;
use crate::plan::{Executor, Step};

/// How long a run that holds its run id's lock may take to open its
/// monitor (QEMU listens at once, once lkmc started it).
const STARTING_WAIT: Duration = Duration::from_secs(30);

/// `lkmc qemu-monitor [CMD...]`.
pub fn main(args: &QemuMonitorArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    let config = one_qemu(configs, "lkmc qemu-monitor")?;
    let paths = Paths::new(&config);
    let command = (!args.command.is_empty()).then(|| args.command.join(" "));
    if !exec.dry_run {
        check_running(&config, &paths, "qemu-monitor")?;
        // `loadvm`/`delvm` of a snapshot that is not there: said plainly.
        if let Some(c) = &command {
            let words: Vec<&str> = c.split_whitespace().collect();
            if let ["loadvm" | "delvm", name] = words[..] {
                check_snapshot_exists(name, &config, &paths)?;
            }
        }
    }
    exec.perform(&Step::Monitor {
        port: paths.monitor_port,
        command,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `lkmc snapshot save|load|list|delete`.
pub fn snapshot(args: &SnapshotArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    let config = one_qemu(configs, "lkmc snapshot")?;
    let paths = Paths::new(&config);
    let command = match &args.action {
        SnapshotAction::Save { name } => format!("savevm {name}"),
        SnapshotAction::Load { name } => format!("loadvm {name}"),
        SnapshotAction::Delete { name } => format!("delvm {name}"),
        SnapshotAction::List => "info snapshots".to_string(),
    };
    if !exec.dry_run {
        check_running(&config, &paths, "snapshot")?;
        if let SnapshotAction::Load { name } | SnapshotAction::Delete { name } = &args.action {
            check_snapshot_exists(name, &config, &paths)?;
        }
    }
    exec.perform(&Step::Monitor {
        port: paths.monitor_port,
        command: Some(command),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The one arch's config, on QEMU: the monitor is QEMU's.
fn one_qemu(configs: &[Config], what: &str) -> Result<Config> {
    let [config] = configs else {
        return Err(UsageError::new(format!(
            "{what} talks to one guest at a time; give one --arch"
        ))
        .into());
    };
    match config.emulator {
        Emulator::Qemu => Ok(config.clone()),
        Emulator::Gem5 => Err(UsageError::new(format!(
            "{what} talks to QEMU's monitor, and gem5 has none.\n\
             gem5 saves its state with `m5 checkpoint` in the guest and starts from it with \
             lkmc run --emulator gem5 --gem5-restore N"
        ))
        .into()),
        e => Err(UsageError::new(format!(
            "{what} talks to QEMU's monitor, and --emulator {e} runs no QEMU; \
             boot one with lkmc run --arch {} (the default emulator)",
            config.arch
        ))
        .into()),
    }
}

/// Fail, naming how to start one, unless a guest listens on the run id's
/// monitor port; a run of the id that is still starting gets time.
fn check_running(config: &Config, paths: &Paths, sub: &str) -> Result<()> {
    let port = paths.monitor_port;
    let listening = || crate::gdb::listening(port);
    if listening()
        || (crate::process::run_in_progress(paths)
            && crate::process::poll(STARTING_WAIT, listening))
    {
        return Ok(());
    }
    let (a, id) = (config.arch, config.run_id);
    let offset = config
        .port_offset
        .map(|o| format!(" --port-offset {o}"))
        .unwrap_or_default();
    Err(UsageError::new(format!(
        "no QEMU guest of {a} is running on run id {id}: nothing listens on its monitor port \
         localhost:{port}.\n\
         Start one first, in another shell or in the background:\n  \
         lkmc run --arch {a} --run-id {id}{offset} --background\n\
         then: lkmc {sub} --arch {a} --run-id {id}{offset} ..."
    ))
    .into())
}

/// Fail unless the guest has a snapshot tagged `name` on every disk (what
/// `loadvm` needs), naming the ones it has.
fn check_snapshot_exists(name: &str, config: &Config, paths: &Paths) -> Result<()> {
    let port = paths.monitor_port;
    let answer = Monitor::connect(port)
        .and_then(|mut m| m.command("info snapshots", ANSWER_WAIT))
        .map_err(|e| anyhow::anyhow!("asking QEMU's monitor on localhost:{port}: {e}"))?;
    let tags = monitor::snapshot_tags(&answer.text);
    if tags.iter().any(|t| t == name) {
        return Ok(());
    }
    let (a, id) = (config.arch, config.run_id);
    let has = match tags.is_empty() {
        true => "it has none yet".to_string(),
        false => format!("it has: {}", tags.join(", ")),
    };
    Err(UsageError::new(format!(
        "no snapshot `{name}` in the QEMU guest of {a} on run id {id} ({has}).\n\
         Save one first: lkmc snapshot --arch {a} --run-id {id} save {name} \
         (lkmc snapshot list shows them; they last as long as the run, unless it was \
         started with --disk-persist)"
    ))
    .into())
}
