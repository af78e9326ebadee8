//! Native: userland programs of the host's arch, run as host processes.
//! No machine is emulated, so there is no Linux boot and no baremetal run.

use anyhow::Result;

use super::common::{Emulator, Mode, Program, not_implemented, refuse_qemu_only};
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::options::Boot;
use crate::paths::Paths;

pub struct Native;

impl Emulator for Native {
    /// Before anything is built: a program of another arch would be built
    /// only to be refused.
    fn check(&self, mode: Mode, boot: &Boot, config: &Config) -> Result<()> {
        match mode {
            Mode::Userland if !config.arch.is_host() => Err(UsageError::new(format!(
                "--emulator native runs programs of the host's arch only; {} is not it \
                 (use --emulator qemu for its user mode)",
                config.arch
            ))
            .into()),
            Mode::Userland => {
                refuse_qemu_only(boot, config, "a native program runs as a host process")
            }
            other => Err(not_implemented(other, config)),
        }
    }

    fn userland(&self, program: &Program, _config: &Config, _paths: &Paths) -> Result<Cmd> {
        Ok(Cmd::new(p(&program.exe)).args(&program.args))
    }
}
