//! gem5: userland programs in syscall emulation (`se.py`). Full-system
//! boots and baremetal images are not implemented yet; they are refused
//! before anything is built.
//!
//! Adding full system is filling in `boot` and `baremetal` here and the
//! gem5 rows of `facts/`: `run.rs` and `paths.rs` need no edit.

use anyhow::Result;

use super::common::{Emulator, Mode, Program, not_implemented, refuse_qemu_only};
use crate::cmd::{Cmd, p, quote};
use crate::config::Config;
use crate::error::UsageError;
use crate::options::Boot;
use crate::paths::Paths;

pub struct Gem5;

impl Emulator for Gem5 {
    fn check(&self, mode: Mode, boot: &Boot, config: &Config) -> Result<()> {
        match mode {
            // se.py is started without a GDB stub: the option would be ignored.
            Mode::Userland if boot.gdb_wait => Err(UsageError::new(format!(
                "--gdb-wait (and --gdb) with --emulator gem5 --userland is not implemented yet: \
                 lkmc starts gem5's syscall emulation without a GDB stub.\n\
                 Debug the program in QEMU instead: lkmc run --arch {} --userland PATH --gdb-wait",
                config.arch
            ))
            .into()),
            Mode::Userland => refuse_qemu_only(
                boot,
                config,
                "gem5's syscall emulation has no such options in lkmc yet",
            ),
            other => Err(not_implemented(other, config)),
        }
    }

    /// se.py runs the program, with the sysroot's libraries redirected in
    /// for dynamic executables.
    fn userland(&self, program: &Program, _config: &Config, paths: &Paths) -> Result<Cmd> {
        let lib = paths.userland_library_dir.join("lib");
        let mut c = Cmd::new(p(&paths.gem5_executable))
            .env("M5_OVERRIDE_PY_SOURCE", "true")
            .line(["--outdir", &p(&paths.m5out_dir)])
            .arg(p(&paths.gem5_se_file))
            .line(["--cmd", &p(&program.exe)]);
        if !program.args.is_empty() {
            let joined: Vec<String> = program.args.iter().map(|a| quote(a)).collect();
            c = c.line(["--options", &joined.join(" ")]);
        }
        Ok(c.line(["--redirects", &format!("/lib={}", p(&lib))])
            .line(["--interp-dir", &p(&paths.userland_library_dir)])
            .line(["--mem-size", "256MB"]))
    }

    fn ready(&self, paths: &Paths) -> Result<()> {
        if paths.gem5_executable.is_file() {
            return Ok(());
        }
        Err(UsageError::new(format!(
            "gem5 is not built ({} is missing).\nBuild it with: lkmc build --arch {} gem5 \
             (1.5 to 2 hours on two cores the first time), or point --gem5-build-dir at a \
             gem5 build of yours",
            paths.gem5_executable.display(),
            paths.arch
        ))
        .into())
    }
}
