//! `lkmc run-toolchain`: run one tool of the arch's toolchain (the one
//! `--gcc-which` picks, as userland builds do), or print its path.
//!
//! Orchestration only: the tool's path is `Paths::toolchain_tool`; the
//! command runs on the terminal and lkmc exits with its status.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::RunToolchainArgs;
use crate::cmd::{Cmd, p, script};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::provider::GccWhich;
use crate::paths::Paths;
use crate::plan::{Executor, write_file};
use crate::process::Finished;

/// `lkmc run-toolchain`.
pub fn main(args: &RunToolchainArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    if configs.len() > 1 {
        return Err(UsageError::new(
            "lkmc run-toolchain runs one arch's tool; give a single --arch",
        )
        .into());
    }
    let config = &configs[0];
    let paths = Paths::new(config);
    if args.tool.is_empty() || args.tool.contains('/') {
        return Err(UsageError::new(format!(
            "`{}` is not a tool name: give one without its prefix or directory, e.g. readelf",
            args.tool
        ))
        .into());
    }
    let tool = paths.toolchain_tool(&args.tool);
    if args.print_tool {
        return crate::plan::print_out(&format!("{}\n", p(&tool))).map(|_| ExitCode::SUCCESS);
    }
    let cmd = Cmd::new(p(&tool)).args(&args.args);
    if exec.dry_run {
        exec.show_cmd(&cmd);
        return Ok(ExitCode::SUCCESS);
    }
    find(&tool, &args.tool, config)?;
    write_file(&paths.run_dir.join("run-toolchain.sh"), &script(&cmd), true)?;
    // The tool's own output is what the user asked for: the command line
    // only with --verbose, so that `| grep` sees the tool's alone.
    let quiet = Executor {
        quiet: !exec.verbose,
        ..exec.clone()
    };
    match quiet.foreground(&cmd, None)? {
        Some(Finished::Exited(code)) => Ok(ExitCode::from(code.clamp(0, 255) as u8)),
        _ => Ok(ExitCode::FAILURE),
    }
}

/// Where `tool` is: the file itself, or the name found in PATH; refused,
/// naming what was looked for and how to get it, when it is not there.
fn find(tool: &Path, name: &str, config: &Config) -> Result<PathBuf> {
    let (found, looked) = if tool.components().count() > 1 {
        (
            tool.is_file().then(|| tool.to_path_buf()),
            tool.display().to_string(),
        )
    } else {
        (
            which::which(tool).ok(),
            format!("`{}` in PATH", tool.display()),
        )
    };
    if let Some(f) = found {
        return Ok(f);
    }
    let arch = config.arch;
    let hint = match config.gcc_which {
        GccWhich::Host => format!(
            "the distro's cross tools are installed by: lkmc build --download-dependencies \
             --arch {arch} userland"
        ),
        other => format!(
            "lkmc does not build the {} toolchain yet; the distro's: --gcc-which host",
            gcc_which_name(other)
        ),
    };
    Err(UsageError::new(format!(
        "`{name}`: the toolchain of --gcc-which {} for {arch} has no such tool (looked for {looked}).\n\
         Check the name (readelf, objdump, gcc, gdb, nm, addr2line, ...); {hint}",
        gcc_which_name(config.gcc_which)
    ))
    .into())
}

fn gcc_which_name(g: GccWhich) -> String {
    clap::ValueEnum::to_possible_value(&g)
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}
