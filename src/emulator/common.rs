//! What every emulator shares: the trait, the modes, the program to run,
//! the "not implemented yet" refusal and the Linux kernel command line.
//! The emulators depend on this file, never on each other or on `mod.rs`.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cmd::Cmd;
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::machine::MachineFacts;
use crate::guest;
use crate::options::{Boot, Root};
use crate::paths::Paths;

/// What `lkmc run` asks an emulator to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Linux,
    Userland,
    Baremetal,
}

/// A userland program to run, with its arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Program {
    pub exe: PathBuf,
    /// More programs run beside it, one per CPU (gem5's syscall emulation).
    pub others: Vec<PathBuf>,
    pub args: Vec<String>,
    /// The kernel release the program sees (uname -r), if not the host's.
    pub kernel_version: Option<String>,
    /// Stop before the first instruction until GDB attaches.
    pub gdb_wait: bool,
    /// Trace events (`-T`), into the run dir's trace file.
    pub trace: Option<String>,
    /// Print every translated block.
    pub trace_insts_stdout: bool,
    /// Emulator arguments after `--`, before the program.
    pub extra_args: Vec<String>,
}

/// How the emulator says a run ended, from its own output (not the
/// guest's console).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmulatorEnd {
    /// Nothing to add: its exit status and the console decide.
    Normal,
    /// The guest's exit status, given to the emulator (gem5's `m5 fail N`).
    Status(i32),
    /// The emulator failed, for this reason.
    Failed(String),
    /// The emulator stopped the guest at its kernel's panic (gem5's
    /// `panic_on_panic`); the emulator's line saying so.
    GuestPanic(String),
}

/// One emulator's command lines.
pub trait Emulator: Sync {
    /// Refuse what this emulator cannot run, before anything is built or
    /// printed.
    fn check(&self, mode: Mode, boot: &Boot, config: &Config) -> Result<()>;
    /// The command that boots Linux (by default: not implemented yet).
    fn boot(&self, _boot: &Boot, config: &Config, _paths: &Paths) -> Result<Cmd> {
        Err(not_implemented(Mode::Linux, config))
    }
    /// The command that runs a userland program of the guest arch.
    fn userland(&self, program: &Program, config: &Config, paths: &Paths) -> Result<Cmd>;
    /// Fail, saying how to get it, if the emulator itself is missing (real
    /// runs only: a dry run prints the command regardless).
    fn ready(&self, _paths: &Paths) -> Result<()> {
        Ok(())
    }
    /// Files a boot writes before the emulator starts (path, contents).
    fn files(&self, _boot: &Boot, _paths: &Paths) -> Vec<(PathBuf, String)> {
        vec![]
    }
    /// The port of the guest's console, if this line of the emulator's
    /// output says where it listens; None for an emulator whose console is
    /// its stdio.
    fn console_port(&self, _line: &str) -> Option<u16> {
        None
    }
    /// The port of the emulator's GDB stub, if this line of its output says
    /// where it listens; None for an emulator told its port.
    fn gdb_port(&self, _line: &str) -> Option<u16> {
        None
    }
    /// What the emulator's own output says of how the run ended.
    fn ended(&self, _output: &str) -> EmulatorEnd {
        EmulatorEnd::Normal
    }
    /// The command that runs a baremetal image on `boot.cpus` CPUs (by
    /// default: not implemented yet).
    fn baremetal(
        &self,
        _boot: &Boot,
        _image: &Path,
        config: &Config,
        _paths: &Paths,
    ) -> Result<Cmd> {
        Err(not_implemented(Mode::Baremetal, config))
    }
}

/// Refuse, for a userland run, the options only QEMU user mode takes
/// (`why`: what this emulator is instead).
pub(super) fn refuse_qemu_only(boot: &Boot, config: &Config, why: &str) -> Result<()> {
    // (set, what it is, how it is typed)
    let options = [
        (boot.trace.is_some(), "--trace", "--trace EVENTS"),
        (
            boot.trace_insts_stdout,
            "--trace-insts-stdout",
            "--trace-insts-stdout",
        ),
        (
            !boot.extra_emulator_args.is_empty(),
            "emulator arguments after --",
            "-- ARGS",
        ),
        (boot.gdb_wait, "--gdb-wait (and --gdb)", "--gdb-wait"),
    ];
    match options.iter().find(|(set, _, _)| *set) {
        Some((_, option, typed)) => Err(UsageError::new(format!(
            "{option} with --emulator {} --userland: {why}, so it would be ignored.\n\
             Use QEMU user mode for it: lkmc run --arch {} --userland PATH {typed}",
            config.emulator, config.arch
        ))
        .into()),
        None => Ok(()),
    }
}

/// The refusal for a mode an emulator does not run yet.
pub(super) fn not_implemented(mode: Mode, config: &Config) -> anyhow::Error {
    let e = config.emulator;
    UsageError::new(match mode {
        Mode::Linux => {
            format!("lkmc run --emulator {e} is not implemented yet; only qemu boots for now")
        }
        Mode::Baremetal => format!(
            "lkmc run --baremetal --emulator {e} is not implemented yet; baremetal images run in QEMU"
        ),
        Mode::Userland => format!("lkmc run --userland --emulator {e} is not implemented yet"),
    })
    .into()
}

/// The kernel command line of a Linux boot on board `m`.
pub fn kernel_cli(boot: &Boot, m: &MachineFacts) -> String {
    let mut words: Vec<String> = Vec::new();
    let disk = matches!(boot.root, Root::Disk { .. });
    if disk {
        words.push(guest::root_on_disk(m.root_device));
    }
    words.push(guest::BASE_KERNEL_CLI.into());
    if boot.guest.oops_panic {
        words.push(guest::OOPS_PANIC_CLI.into());
    }
    if m.network {
        words.push(guest::GUEST_IP_CLI.into());
    }
    if !m.kernel_cli_extra.is_empty() {
        words.push(m.kernel_cli_extra.into());
    }
    if (boot.graphic || boot.vnc) && !m.display_devices.is_empty() {
        // The kernel's messages on the display's framebuffer console too;
        // the last console= (the serial one) stays /dev/console, the shell.
        words.push("console=tty0".into());
    }
    if !(boot.graphic && m.graphic_console) {
        words.push(format!("console={}", m.console));
    }
    if boot.kgdb || boot.kdb {
        // KGDB writes its breakpoints into kernel text. With the text
        // read-only it falls back to text_poke, whose undo fails ("KGDB: BP
        // remove failed") and leaves the guest trapping after a detach.
        words.push("rodata=off".into());
        words.push("kgdbwait".into());
        let port = if boot.kdb {
            m.console
        } else {
            m.extra_console.unwrap_or(m.console)
        };
        words.push(format!("kgdboc={port},115200"));
    }
    let g = &boot.guest;
    if let Some(extra) = &g.kernel_cli {
        words.push(extra.clone());
    }
    if g.quit_after_boot {
        let init = if disk { "init" } else { "rdinit" };
        words.push(format!("{init}={}", guest::poweroff_script()));
    }
    // Words after " - " become init's environment.
    words.push("-".into());
    words.push(format!("{}={}", guest::HOME_VAR, guest::GUEST_HOME));
    if !m.init_env.is_empty() {
        words.push(m.init_env.into());
    }
    if (boot.graphic || boot.vnc) && !m.display_devices.is_empty() {
        words.push(format!("{}=1", guest::DISPLAY_SHELL_VAR));
    }
    if let Some(e) = &g.eval {
        words.push(guest::eval_word(guest::EVAL_VAR, e));
    }
    if let Some(e) = &g.eval_after {
        words.push(guest::eval_word(guest::EVAL_AFTER_VAR, e));
    }
    if let Some(extra) = &g.kernel_cli_after_dash {
        words.push(extra.clone());
    }
    words.join(" ")
}
