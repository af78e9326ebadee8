//! GDB against a child `lkmc run`: start the run, wait until its stub
//! listens, run GDB in batch mode, then check that the run ended well.
//!
//! Cases say what to debug, which GDB commands to run and what the output
//! must hold; this module owns the process choreography and must not know
//! any case.

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use crate::cli::GdbArgs;
use crate::gdb::{Target, gdb_cmd, listening};
use crate::paths::Paths;

use super::harness::{Ctx, RunSlot, describe, poll, tail};

/// One GDB session on one guest run.
pub struct Session<'a> {
    /// The run id of the guest run.
    pub slot: RunSlot,
    pub target: Target<'a>,
    /// Where lkmc's own commands break. With none, `commands` do the
    /// continuing themselves, so lkmc's `continue` is left out.
    pub break_at: Option<&'a str>,
    /// GDB commands, each run with -ex after lkmc's own.
    pub commands: &'a [&'a str],
    /// Options of the `lkmc run` GDB attaches to.
    pub run: &'a [&'a str],
    /// A console line to wait for besides the listening port: QEMU's
    /// forwarded port listens before gdbserver does, and KGDB drops what
    /// arrives on the serial line before it waits.
    pub ready: Option<&'a str>,
}

/// Run the session; GDB's output, once the guest run also ended well.
pub fn session(ctx: &Ctx, s: Session) -> Result<String, String> {
    let paths = ctx.paths_at(s.slot);
    let gdb = gdb_cmd(&gdb_args(s.break_at, s.commands), &s.target, &paths, true);
    let port = stub_port(&s.target, &paths);
    // Its own process group, so that stopping it stops its emulator too.
    let mut run = ctx
        .lkmc_run(s.slot, s.run)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(|e| e.to_string())?;
    let is_ready = || {
        listening(port)
            && s.ready.is_none_or(|line| {
                std::fs::read_to_string(&paths.termout_file).is_ok_and(|t| t.contains(line))
            })
    };
    poll(20, || is_ready() || run.try_wait().ok().flatten().is_some());
    if !is_ready() {
        kill_group(run.id());
        let out = run.wait_with_output().map_err(|e| e.to_string())?;
        return Err(format!(
            "the emulator never got ready on port {port}; {}",
            describe(&out)
        ));
    }
    let out =
        crate::run::output_with_timeout(&mut gdb.to_command(), 120).map_err(|e| e.to_string())?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    poll(60, || run.try_wait().ok().flatten().is_some());
    // Also when it exited: an emulator left behind must not hold the ports.
    kill_group(run.id());
    let run_out = run.wait_with_output().map_err(|e| e.to_string())?;
    if run_out.status.code() != Some(0) {
        return Err(format!(
            "the guest run failed after GDB detached: {}\nGDB said:\n{text}",
            describe(&run_out)
        ));
    }
    Ok(text)
}

/// Ok when GDB's output holds every needle; else the first missing one and
/// how the output ended.
pub fn expect_in(text: &str, needles: &[&str]) -> Result<(), String> {
    for n in needles {
        if !text.contains(n) {
            return Err(format!(
                "GDB output lacks {n:?}; it ended with:\n      {}",
                tail(text, 12, "\n      ")
            ));
        }
    }
    Ok(())
}

/// `lkmc gdb`'s options for a session. Its --userland, --baremetal and
/// --kgdb pick the target, which `Session::target` gives here directly.
fn gdb_args(break_at: Option<&str>, commands: &[&str]) -> GdbArgs {
    GdbArgs {
        break_at: break_at.map(str::to_string),
        no_continue: break_at.is_none(),
        no_lxsymbols: true,
        userland: None,
        baremetal: None,
        kgdb: false,
        gdbserver: false,
        before: None,
        extra_gdb_args: commands
            .iter()
            .flat_map(|c| ["-ex".to_string(), c.to_string()])
            .collect(),
    }
}

/// The port GDB connects to for `target`: the one `gdb::gdb_cmd` picks.
/// To move there (a `Target::port`) once gdb.rs is free to edit.
fn stub_port(target: &Target, paths: &Paths) -> u16 {
    match target {
        Target::Kernel | Target::Userland(_) | Target::Baremetal(_) => paths.gdb_port,
        Target::Kgdb => paths.extra_serial_port,
        Target::Gdbserver(_) => paths.hostfwd_generic_port,
    }
}

/// Kill a child's whole process group: lkmc and the emulator it started.
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stderr(Stdio::null())
        .status();
}
