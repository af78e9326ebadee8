//! Turning a path the user gave (`--userland PATH`, `--baremetal PATH`) into
//! a program that can run: the path itself when it is built already, else
//! its build (quietly, through the build plans), so that `lkmc run` and
//! `lkmc gdb` accept sources.
//!
//! It decides nothing about how a program runs (that is `emulator/`), and
//! builds only through `build/`. Meant to move into build/userland.rs and
//! build/baremetal.rs once their owner takes it.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::config::Config;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::Executor;

/// Where the program for `--userland PATH` is, building it first when PATH
/// is a source.
pub fn userland_executable(
    path: &Path,
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let is_src = abs
        .extension()
        .is_some_and(|e| crate::build::userland::EXTS.iter().any(|x| e == *x));
    if !is_src {
        if abs.is_file() || config.dry_run {
            return Ok(abs);
        }
        return Err(UsageError::new(format!("--userland {}: no such file", abs.display())).into());
    }
    if !abs.is_file() {
        return Err(
            UsageError::new(format!("--userland {}: no such source file", abs.display())).into(),
        );
    }
    let arg = abs.to_string_lossy().into_owned();
    let programs = crate::build::userland::programs(std::slice::from_ref(&arg), config, paths)?;
    let Some(program) = programs.first() else {
        return Err(UsageError::new(format!(
            "{} is not built for {} (its properties in configs/userland.toml exclude it)",
            abs.display(),
            config.arch
        ))
        .into());
    };
    crate::build::userland::build(
        &default_build_args(),
        &[arg],
        config,
        paths,
        &quiet_build(exec),
    )?;
    Ok(program.out.clone())
}

/// Where the image for `--baremetal PATH` is, building it first when PATH
/// is a source; with the properties of that source (CPUs it needs).
pub fn baremetal_image(
    path: &Path,
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<(PathBuf, crate::userland_props::Props)> {
    use crate::build::baremetal;
    baremetal::facts(config)?;
    let abs = std::path::absolute(path)?;
    if abs.extension().is_some_and(|e| e == "elf") {
        if abs.is_file() || config.dry_run {
            return Ok((abs, Default::default()));
        }
        return Err(UsageError::new(format!("--baremetal {}: no such file", abs.display())).into());
    }
    if !abs.is_file() {
        return Err(UsageError::new(format!(
            "--baremetal {}: no such source file (give a .c or .S under {} or {}, or an .elf)",
            abs.display(),
            paths.baremetal_source_dir.display(),
            paths.userland_source_dir.display()
        ))
        .into());
    }
    let arg = abs.to_string_lossy().into_owned();
    let images = baremetal::images(std::slice::from_ref(&arg), config, paths)?;
    let Some(image) = images.first() else {
        return Err(UsageError::new(format!(
            "{} is not built for {} (it is for another arch, or its properties exclude it)",
            abs.display(),
            config.arch
        ))
        .into());
    };
    baremetal::build(
        &default_build_args(),
        &[arg],
        config,
        paths,
        &quiet_build(exec),
    )?;
    Ok((image.out.clone(), image.props.clone()))
}

/// The executor for the build a run needs: quiet, since the run's own
/// output is what the user asked for; but a dry run prints the build plan.
fn quiet_build(exec: &Executor) -> Executor {
    Executor {
        quiet: exec.quiet || !exec.dry_run,
        ..exec.clone()
    }
}

/// `lkmc build`'s options with every default, for builds a run needs.
pub fn default_build_args() -> crate::cli::BuildArgs {
    crate::cli::BuildArgs {
        targets: vec![],
        download_dependencies: false,
        dependencies_only: false,
        print_components: false,
        force_rebuild: false,
        clean: false,
        linux_defconfig: None,
        config: vec![],
        config_fragment: vec![],
        custom_config_file: None,
        initramfs: false,
        host: false,
        optimization_level: "0".into(),
        ccflags: None,
        extra_make_args: vec![],
    }
}
