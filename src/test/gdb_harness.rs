//! GDB against a child `lkmc run`: start the run, wait until its stub
//! listens, run GDB in batch mode, then check that the run ended well.
//!
//! Cases say what to debug, which GDB commands to run and what the output
//! must hold; this module owns the process choreography and must not know
//! any case.

use std::time::Duration;

use crate::gdb::{Target, listening};
use crate::options::GdbSession;
use crate::process::{background, poll};

use super::harness::{Ctx, RunSlot, describe, tail};

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
    // Its own process group, so that stopping it stops its emulator too.
    let mut run = background(&ctx.lkmc_run(s.slot, s.run)).map_err(|e| format!("{e:#}"))?;
    // Read again while waiting: gem5 says its port once it listens.
    let is_ready = || {
        listening(s.target.port(&paths))
            && s.ready.is_none_or(|line| {
                std::fs::read_to_string(&paths.termout_file).is_ok_and(|t| t.contains(line))
            })
    };
    poll(Duration::from_secs(20), || is_ready() || run.exited());
    let port = s.target.port(&paths);
    if !is_ready() {
        run.kill();
        let out = run.finish().map_err(|e| e.to_string())?;
        return Err(format!(
            "the emulator never got ready on port {port}; {}",
            describe(&out)
        ));
    }
    let gdb = gdb_session(s.break_at, s.commands).cmd(&s.target, &paths, true);
    let out =
        crate::process::output(&gdb, Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The rest of the boot after GDB lets go: seconds on QEMU, a minute or
    // two on gem5. The run's own --timeout (lkmc_run's 300 s) bounds it.
    poll(Duration::from_secs(310), || run.exited());
    // Also when it exited: an emulator left behind must not hold the ports.
    run.kill();
    let run_out = run.finish().map_err(|e| e.to_string())?;
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

/// The GDB options of a session: lkmc's breakpoint (and continue) if any,
/// then `commands`; module symbols are left to the commands.
fn gdb_session(break_at: Option<&str>, commands: &[&str]) -> GdbSession {
    GdbSession {
        break_at: break_at.map(str::to_string),
        no_continue: break_at.is_none(),
        no_lxsymbols: true,
        before: vec![],
        extra: commands
            .iter()
            .flat_map(|c| ["-ex".to_string(), c.to_string()])
            .collect(),
    }
}
