//! compat for src/test.rs until it moves to process.rs/options: the old
//! signatures it calls, each a thin wrapper over the new code. Re-exported
//! at their old paths (`crate::run::*`; `gdb::gdb_cmd` is in gdb.rs), so test.rs
//! compiles unchanged while it is being split; delete this file once it
//! uses `process`, `options` and `emulator` directly.
//!
//! Nothing else may use these.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::cli::RunArgs;
use crate::cmd::Cmd;
use crate::config::Config;
use crate::emulator::{self, Program};
use crate::facts::Emulator;
use crate::options::Boot;
use crate::paths::Paths;
use crate::process::Finished;

/// `lkmc run`'s options with every default, as a bare `lkmc run` has them.
pub fn default_run_args() -> RunArgs {
    use clap::Parser;
    match crate::cli::Cli::parse_from(["lkmc", "run"]).command {
        crate::cli::Command::Run(a) => a,
        _ => unreachable!("`lkmc run` parses as the run command"),
    }
}

/// Run `cmd` on the terminal, killed after `timeout` seconds.
pub fn run_with_timeout(cmd: &Cmd, timeout: Option<u64>) -> Result<Finished> {
    crate::process::foreground(cmd, timeout.map(Duration::from_secs))
}

/// `command`'s output, killing it after `secs` seconds.
pub fn output_with_timeout(
    command: &mut std::process::Command,
    secs: u64,
) -> Result<std::process::Output> {
    let program = command.get_program().to_string_lossy().into_owned();
    crate::process::output_of(command, &program, Some(Duration::from_secs(secs)))
}

/// The command that runs a userland program for the arch.
pub fn userland_cmd(
    config: &Config,
    paths: &Paths,
    exe: &Path,
    args: &[String],
    gdb_wait: bool,
) -> Result<Cmd> {
    let program = Program {
        exe: exe.to_path_buf(),
        args: args.to_vec(),
        gdb_wait,
    };
    emulator::get(config.emulator).userland(&program, config, paths)
}

/// The QEMU command that runs a baremetal image on `cpus` CPUs.
pub fn baremetal_qemu_cmd(
    args: &RunArgs,
    config: &Config,
    paths: &Paths,
    image: &Path,
    cpus: u32,
) -> Cmd {
    let boot = Boot {
        cpus,
        ..Boot::from(args)
    };
    emulator::get(Emulator::Qemu)
        .baremetal(&boot, image, config, paths)
        .expect("QEMU runs every baremetal image")
}
