//! lkmc: build, boot, test and debug Linux kernels, modules, userland and
//! baremetal programs in QEMU and gem5.
//!
//! Data flow: argv + lkmc.toml → `Config` (config.rs) → `Paths` (paths.rs)
//! → a `Plan` of steps (build/, run.rs, ...) → the executor (plan.rs), which
//! runs it or prints it with `--dry-run`.

mod build;
mod cli;
mod cmd;
mod config;
mod console;
mod docker;
mod doctor;
mod elf;
mod emulator;
mod error;
mod facts;
mod gdb;
mod gem5_tools;
mod getvar;
mod guest;
mod images;
mod interrupt;
mod linux_source;
mod monitor;
mod options;
mod paths;
mod plan;
mod process;
mod qemu_monitor;
mod remove;
mod run;
mod sources;
mod test;
mod toolchain;
mod trace2line;
mod userland_props;

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Command;
use crate::config::Config;
use crate::error::{CmdFailed, UsageError};
use crate::plan::Executor;
use crate::process::ProcessError;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LKMC_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .without_time()
        .init();
    // `lkmc ... | head`: end quietly when the reader goes away, as other
    // Unix tools do, not with a panic on the write (Rust ignores SIGPIPE).
    // SAFETY: restoring the default disposition installs no handler.
    let _ = unsafe {
        nix::sys::signal::signal(
            nix::sys::signal::Signal::SIGPIPE,
            nix::sys::signal::SigHandler::SigDfl,
        )
    };
    interrupt::install();
    let result = real_main();
    if let Some(signal) = interrupt::received() {
        let what = match &result {
            Err(e) if e.downcast_ref::<interrupt::Interrupted>().is_none() => {
                format!(": {}", format!("{e:#}").lines().next().unwrap_or(""))
            }
            _ => String::new(),
        };
        eprintln!(
            "lkmc: interrupted by {}; stopped what was running{what}",
            signal.as_str()
        );
        return ExitCode::from(interrupt::EXIT_STATUS);
    }
    match result {
        Ok(code) => code,
        Err(e) => {
            if let Some(u) = e.downcast_ref::<UsageError>() {
                eprintln!("error: {u}");
                ExitCode::from(2)
            } else if let Some(p) = e.downcast_ref::<ProcessError>() {
                eprintln!("error: {p}");
                ExitCode::from(1)
            } else if let Some(f) = e.downcast_ref::<CmdFailed>() {
                eprintln!("error: {f}");
                ExitCode::from(f.status.clamp(1, 255) as u8)
            } else {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        }
    }
}

fn real_main() -> anyhow::Result<ExitCode> {
    let (cli, config_file) = config::parse_args(std::env::args_os().collect())?;
    // getvar only prints paths: it works for any root, also a future one.
    if !matches!(cli.command, Command::Completions(_) | Command::Getvar(_)) {
        config::check_root()?;
    }
    let configs = Config::resolve(&cli.common, config_file);
    let first = &configs[0];
    let exec = Executor {
        dry_run: first.dry_run,
        oneline: first.print_cmd_oneline,
        verbose: first.verbose,
        quiet: first.quiet,
    };
    match &cli.command {
        Command::Getvar(args) => getvar::main(args, &configs).map(|_| ExitCode::SUCCESS),
        Command::Build(args) => build::main(args, &configs, &exec).map(|_| ExitCode::SUCCESS),
        Command::Run(args) => run::main(args, &configs, &exec),
        Command::Test(args) => test::main(args, &configs, &exec),
        Command::Gdb(args) => gdb::main(args, &configs, &exec),
        Command::RunToolchain(args) => toolchain::main(args, &configs, &exec),
        Command::Trace2line(args) => trace2line::main(args, &configs, &exec),
        Command::QemuMonitor(args) => qemu_monitor::main(args, &configs, &exec),
        Command::Snapshot(args) => qemu_monitor::snapshot(args, &configs, &exec),
        Command::Gem5Shell => gem5_tools::shell(&configs),
        Command::Gem5Stat(args) => gem5_tools::stat(args, &configs),
        Command::Doctor(args) => doctor::main(args, &configs),
        Command::Docker(args) => docker::main(args, &configs, &exec),
        Command::Completions(args) => {
            let mut command = cli::Cli::command();
            clap_complete::generate(args.shell, &mut command, "lkmc", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}
