//! Native: userland programs of the host's arch, run as host processes.
//! No machine is emulated, so there is no Linux boot and no baremetal run.

use std::path::Path;

use anyhow::Result;

use super::common::{Emulator, Mode, Program, not_implemented};
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::options::Boot;
use crate::paths::Paths;

pub struct Native;

impl Emulator for Native {
    fn check(&self, mode: Mode, _boot: &Boot, config: &Config) -> Result<()> {
        match mode {
            Mode::Userland => Ok(()),
            other => Err(not_implemented(other, config)),
        }
    }

    fn boot(&self, _boot: &Boot, config: &Config, _paths: &Paths) -> Result<Cmd> {
        Err(not_implemented(Mode::Linux, config))
    }

    /// Checked here rather than in `check`: the program's plan is printed
    /// first, as it always was.
    fn userland(&self, program: &Program, config: &Config, _paths: &Paths) -> Result<Cmd> {
        if !config.arch.is_host() {
            return Err(UsageError::new(format!(
                "--emulator native runs programs of the host's arch only; {} is not it",
                config.arch
            ))
            .into());
        }
        Ok(Cmd::new(p(&program.exe)).args(&program.args))
    }

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
