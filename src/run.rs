//! `lkmc run`: boot the guest in QEMU and report how it ended.
//!
//! The QEMU command line is a `Cmd` built from the arch table and `Paths`;
//! `--dry-run` prints it. A real run holds the run id's lock (so ports never
//! clash), writes the command to `run.sh`, tees the console to the terminal
//! and to `termout.txt`, and then reads the console: the status printed by
//! `--eval`, a kernel panic or oops, or a timeout decide lkmc's exit status.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::arch::{Arch, Emulator};
use crate::cli::RunArgs;
use crate::cmd::{Cmd, p, script};
use crate::config::Config;
use crate::error::{CmdFailed, UsageError};
use crate::guest::{
    BASE_KERNEL_CLI, GUEST_FORWARDED_PORT, GUEST_HOME, GUEST_IP_CLI, nine_p_shares,
};
use crate::paths::Paths;
use crate::plan::{Executor, write_file};
use crate::process::{Input, Split, lock_run_id};
// compat for src/test.rs until it moves to process.rs/options
pub use crate::process::Finished;

/// `lkmc run`.
pub fn main(args: &RunArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    if configs.len() > 1 {
        return Err(UsageError::new(
            "lkmc run boots one arch at a time; give a single --arch (use `lkmc test --all-archs` for all)",
        )
        .into());
    }
    let config = &configs[0];
    if let Some(path) = &args.userland {
        return run_userland(path, args, config, exec);
    }
    if let Some(path) = &args.baremetal {
        return run_baremetal(path, args, config, exec);
    }
    if config.emulator != Emulator::Qemu {
        return Err(UsageError::new(format!(
            "lkmc run --emulator {} is not implemented yet; only qemu boots for now",
            config.emulator
        ))
        .into());
    }
    let paths = Paths::new(config);
    if args.kvm {
        check_kvm(config.arch)?;
    }
    if args.kgdb && config.arch.facts().extra_console.is_none() {
        return Err(UsageError::new(format!(
            "--kgdb needs a second serial port in the guest, and QEMU's {} virt board has only one UART.
             Use QEMU's own GDB stub instead: lkmc run --arch {} --gdb-wait, then lkmc gdb --arch {}",
            config.arch, config.arch, config.arch
        ))
        .into());
    }
    if args.build && !config.dry_run {
        build_first(config, exec)?;
    }
    let cmd = qemu_cmd(args, config, &paths);
    if config.dry_run {
        println!("+ {}", cmd.render(config.print_cmd_oneline));
        return Ok(ExitCode::SUCCESS);
    }
    check_inputs(args, config, &paths)?;
    if !config.quiet
        && let Some(w) = crate::build::modules::mismatch_warning(config, &paths)
    {
        eprintln!("{w}");
    }
    let _lock = lock_run_id(&paths, config)?;
    if args.record || args.replay {
        check_replay_matches(args, config, &paths)?;
    }
    // QEMU refuses a 9P share of a missing directory.
    for (dir, _) in nine_p_shares(&paths) {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    write_file(&paths.run_cmd_file, &script(&cmd), true)?;
    write_file(&paths.last_run_cmd_file, &script(&cmd), true)?;
    if !config.quiet {
        println!("+ {}", cmd.render(config.print_cmd_oneline));
    }
    if args.gdb {
        split_gdb(args, config, None)?;
    }
    let outcome = boot(&cmd, args, &paths, config.quiet)?;
    outcome.report(args)
}

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
    let build_args = default_build_args();
    let quiet = Executor {
        quiet: true,
        ..exec.clone()
    };
    crate::build::userland::build(
        &build_args,
        &[arg],
        config,
        paths,
        if exec.dry_run { exec } else { &quiet },
    )?;
    Ok(program.out.clone())
}

/// The command that runs a userland program for the arch.
pub fn userland_cmd(
    config: &Config,
    paths: &Paths,
    exe: &Path,
    args: &[String],
    gdb_wait: bool,
) -> Result<Cmd> {
    let cmd = match config.emulator {
        Emulator::Qemu => {
            let mut c = Cmd::new(p(&paths.qemu_user_executable))
                .line(["-L", &p(&paths.userland_library_dir)]);
            if gdb_wait {
                c = c.line(["-g", &paths.gdb_port.to_string()]);
            }
            c.arg(p(exe))
        }
        Emulator::Native => {
            if !config.arch.is_host() {
                return Err(UsageError::new(format!(
                    "--emulator native runs programs of the host's arch only; {} is not it",
                    config.arch
                ))
                .into());
            }
            Cmd::new(p(exe))
        }
        Emulator::Gem5 => {
            // gem5 syscall emulation: se.py runs the program, with the
            // sysroot's libraries redirected in for dynamic executables.
            let lib = paths.userland_library_dir.join("lib");
            let mut c = Cmd::new(p(&paths.gem5_executable))
                .env("M5_OVERRIDE_PY_SOURCE", "true")
                .line(["--outdir", &p(&paths.m5out_dir)])
                .arg(p(&paths.gem5_se_file))
                .line(["--cmd", &p(exe)]);
            if !args.is_empty() {
                let joined: Vec<String> = args.iter().map(|a| crate::cmd::quote(a)).collect();
                c = c.line(["--options", &joined.join(" ")]);
            }
            return Ok(c
                .line(["--redirects", &format!("/lib={}", p(&lib))])
                .line(["--interp-dir", &p(&paths.userland_library_dir)])
                .line(["--mem-size", "256MB"]));
        }
    };
    Ok(cmd.args(args))
}

fn run_userland(path: &Path, args: &RunArgs, config: &Config, exec: &Executor) -> Result<ExitCode> {
    let paths = Paths::new(config);
    let exe = userland_executable(path, config, &paths, exec)?;
    let cli_args = match &args.cli_args {
        Some(a) => shlex::split(a)
            .ok_or_else(|| UsageError::new(format!("--cli-args {a:?}: unbalanced quotes")))?,
        None => vec![],
    };
    let mut cmd = userland_cmd(config, &paths, &exe, &cli_args, args.gdb_wait || args.gdb)?;
    cmd.stdin = args
        .stdin_file
        .as_ref()
        .map(std::path::absolute)
        .transpose()?;
    if config.dry_run {
        println!("+ {}", cmd.render(config.print_cmd_oneline));
        return Ok(ExitCode::SUCCESS);
    }
    if config.emulator == Emulator::Gem5 && !paths.gem5_executable.is_file() {
        return Err(UsageError::new(format!(
            "gem5 is not built ({} is missing), and lkmc cannot build gem5 yet; \
             `--dry-run` prints the command",
            paths.gem5_executable.display()
        ))
        .into());
    }
    if let Some(f) = &cmd.stdin
        && !f.is_file()
    {
        return Err(UsageError::new(format!("--stdin-file {}: no such file", f.display())).into());
    }
    run_program(&cmd, &exe, args, config, &paths, GdbTarget::Userland(path))
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
    let quiet = Executor {
        quiet: true,
        ..exec.clone()
    };
    baremetal::build(
        &default_build_args(),
        &[arg],
        config,
        paths,
        if exec.dry_run { exec } else { &quiet },
    )?;
    Ok((image.out.clone(), image.props.clone()))
}

/// The QEMU command that runs a baremetal image: the same board and CPU as
/// Linux boots on, semihosting for the exit status, the UART on the terminal.
pub fn baremetal_qemu_cmd(
    args: &RunArgs,
    config: &Config,
    paths: &Paths,
    image: &Path,
    cpus: u32,
) -> Cmd {
    let f = config.arch.facts();
    let mut c = Cmd::new(p(&paths.qemu_executable))
        .line(f.qemu_machine.iter().copied())
        .line(["-cpu", f.qemu_cpu])
        .line(["-m", &args.memory])
        .line(["-smp", &cpus.to_string()])
        .line(["-nographic", "-semihosting"])
        .line(["-gdb", &format!("tcp::{}", paths.gdb_port)])
        .line(["-kernel", &p(image)]);
    if args.gdb_wait || args.gdb {
        c = c.arg("-S");
    }
    if let Some(events) = &args.trace {
        c = c.line([
            "-trace",
            &format!("enable={events},file={}", p(&paths.trace_file)),
        ]);
    }
    if args.trace_insts_stdout {
        c = c.line(["-d", "in_asm"]);
    }
    c.args(&args.extra_emulator_args)
}

fn run_baremetal(
    path: &Path,
    args: &RunArgs,
    config: &Config,
    exec: &Executor,
) -> Result<ExitCode> {
    if config.emulator != Emulator::Qemu {
        return Err(UsageError::new(format!(
            "lkmc run --baremetal --emulator {} is not implemented yet; baremetal images run in QEMU",
            config.emulator
        ))
        .into());
    }
    let paths = Paths::new(config);
    let (image, props) = baremetal_image(path, config, &paths, exec)?;
    // An image that starts secondary CPUs needs them to exist.
    let cpus = args.cpus.max(props.smp.unwrap_or(1));
    let cmd = baremetal_qemu_cmd(args, config, &paths, &image, cpus);
    if config.dry_run {
        println!("+ {}", cmd.render(config.print_cmd_oneline));
        return Ok(ExitCode::SUCCESS);
    }
    let _lock = lock_run_id(&paths, config)?;
    run_program(
        &cmd,
        &image,
        args,
        config,
        &paths,
        GdbTarget::Baremetal(path),
    )
}

/// Run a program (userland or baremetal) in the foreground: keep its
/// command in run.sh, open GDB beside it with --gdb, and exit with its
/// status.
fn run_program(
    cmd: &Cmd,
    program: &Path,
    args: &RunArgs,
    config: &Config,
    paths: &Paths,
    gdb: GdbTarget,
) -> Result<ExitCode> {
    write_file(&paths.run_cmd_file, &script(cmd), true)?;
    if !config.quiet {
        println!("+ {}", cmd.render(config.print_cmd_oneline));
    }
    if args.gdb {
        split_gdb(args, config, Some(gdb))?;
    }
    match crate::process::foreground(cmd, args.timeout.map(Duration::from_secs))? {
        Finished::Exited(code) => Ok(ExitCode::from(code.clamp(0, 255) as u8)),
        Finished::TimedOut => Err(CmdFailed {
            status: 1,
            what: format!(
                "{} did not finish within --timeout {} s; stopped it",
                program.display(),
                args.timeout.unwrap_or(0)
            ),
        }
        .into()),
    }
}

/// Run `cmd` on the terminal, killed after `timeout` seconds.
// compat for src/test.rs until it moves to process.rs/options
pub fn run_with_timeout(cmd: &Cmd, timeout: Option<u64>) -> Result<Finished> {
    crate::process::foreground(cmd, timeout.map(Duration::from_secs))
}

/// A program that `--gdb` debugs instead of the kernel.
enum GdbTarget<'a> {
    Userland(&'a Path),
    Baremetal(&'a Path),
}

/// Open `lkmc gdb` for this run in a tmux split beside the emulator.
fn split_gdb(args: &RunArgs, config: &Config, program: Option<GdbTarget>) -> Result<()> {
    let (option, userland) = match &program {
        Some(GdbTarget::Userland(p)) => ("--userland", Some(*p)),
        Some(GdbTarget::Baremetal(p)) => ("--baremetal", Some(*p)),
        None => ("", None),
    };
    let exe = std::env::current_exe()?;
    let mut words: Vec<String> = vec![
        p(&exe),
        "gdb".into(),
        "--arch".into(),
        config.arch.to_string(),
        "--run-id".into(),
        config.run_id.to_string(),
        "--out-dir".into(),
        p(&config.out_dir),
        "--linux-build-id".into(),
        config.build_ids.linux.clone(),
    ];
    if let Some(u) = userland {
        words.extend([option.into(), p(&std::path::absolute(u)?)]);
    }
    match &args.tmux_args {
        Some(a) => words.extend(shlex::split(a).unwrap_or_default()),
        None => words.push(
            if userland.is_some() {
                "main"
            } else {
                "start_kernel"
            }
            .into(),
        ),
    }
    let gdb_line: Vec<String> = words.iter().map(|w| crate::cmd::quote(w)).collect();
    let gdb_line = gdb_line.join(" ");
    if std::env::var_os("TMUX").is_none() {
        return Err(UsageError::new(format!(
            "--gdb opens GDB in a tmux split, and this shell is not inside tmux.
             Start tmux first, or use two shells:
  lkmc run --arch {} --run-id {} --gdb-wait{}
  {gdb_line}",
            config.arch,
            config.run_id,
            userland
                .map(|u| format!(" {option} {}", u.display()))
                .unwrap_or_default()
        ))
        .into());
    }
    // The emulator starts in this pane right after; give it a moment to listen.
    let split = Cmd::new("tmux")
        .line(["split-window", "-h", "-d"])
        .arg(format!("sleep 1; {gdb_line}"));
    if !config.quiet {
        println!("+ {}", split.render(config.print_cmd_oneline));
    }
    if crate::process::foreground(&split, None)? != Finished::Exited(0) {
        return Err(UsageError::new("tmux split-window failed").into());
    }
    Ok(())
}

/// `command`'s output, killing it after `secs` seconds.
// compat for src/test.rs until it moves to process.rs/options
pub fn output_with_timeout(
    command: &mut std::process::Command,
    secs: u64,
) -> Result<std::process::Output> {
    let program = command.get_program().to_string_lossy().into_owned();
    crate::process::output_of(command, &program, Some(Duration::from_secs(secs)))
}

/// `lkmc run`'s options with every default, as a bare `lkmc run` has them.
pub fn default_run_args() -> RunArgs {
    use clap::Parser;
    match crate::cli::Cli::parse_from(["lkmc", "run"]).command {
        crate::cli::Command::Run(a) => a,
        _ => unreachable!("`lkmc run` parses as the run command"),
    }
}

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

/// The kernel command line for this run.
pub fn kernel_cli(args: &RunArgs, arch: Arch) -> String {
    let f = arch.facts();
    let mut words: Vec<String> = Vec::new();
    if !(args.initrd || args.initramfs) {
        words.push("root=/dev/vda".into());
    }
    words.push(BASE_KERNEL_CLI.into());
    words.push(GUEST_IP_CLI.into());
    if !f.kernel_cli_extra.is_empty() {
        words.push(f.kernel_cli_extra.into());
    }
    if !(args.graphic && arch == Arch::X86_64) {
        words.push(format!("console={}", f.console));
    }
    if args.kgdb || args.kdb {
        // KGDB writes its breakpoints into kernel text. With the text
        // read-only it falls back to text_poke, whose undo fails ("KGDB: BP
        // remove failed") and leaves the guest trapping after a detach.
        words.push("rodata=off".into());
        words.push("kgdbwait".into());
        let port = if args.kdb {
            f.console
        } else {
            f.extra_console.unwrap_or(f.console)
        };
        words.push(format!("kgdboc={port},115200"));
    }
    if let Some(extra) = &args.kernel_cli {
        words.push(extra.clone());
    }
    if args.quit_after_boot {
        let init = if args.initrd || args.initramfs {
            "rdinit"
        } else {
            "init"
        };
        words.push(format!("{init}={}", crate::guest::poweroff_script()));
    }
    // Words after " - " become init's environment.
    words.push("-".into());
    words.push(format!("lkmc_home={GUEST_HOME}"));
    if let Some(e) = &args.eval {
        words.push(crate::guest::eval_word("lkmc_eval", e));
    }
    if let Some(e) = &args.eval_after {
        words.push(crate::guest::eval_word("lkmc_eval_after", e));
    }
    if let Some(extra) = &args.kernel_cli_after_dash {
        words.push(extra.clone());
    }
    words.join(" ")
}

/// The QEMU full-system command.
pub fn qemu_cmd(args: &RunArgs, config: &Config, paths: &Paths) -> Cmd {
    let f = config.arch.facts();
    let mut c = Cmd::new(p(&paths.qemu_executable))
        .line(f.qemu_machine.iter().copied())
        .line(["-cpu", if args.kvm { "host" } else { f.qemu_cpu }])
        .line(["-m", &args.memory])
        .line(["-smp", &args.cpus.to_string()])
        .line(["-kernel", &p(qemu_kernel(paths))])
        .line(["-append", &kernel_cli(args, config.arch)]);
    if let Some(bios) = f.qemu_headless_bios
        && !(args.graphic || args.vnc)
    {
        c = c.line(["-bios", bios]);
    }
    if !args.graphic {
        c = c.arg("-nographic");
    }
    if args.vnc {
        c = c.line(["-vnc", ":0"]);
    }
    let serial = if args.background {
        format!("file:{}", p(&paths.background_serial_file))
    } else if args.ctrl_c_host {
        "stdio".to_string()
    } else {
        "mon:stdio".to_string()
    };
    c = c
        .line(["-serial", &serial])
        .line([
            "-monitor",
            &format!("telnet::{},server,nowait", paths.monitor_port),
        ])
        .line(["-gdb", &format!("tcp::{}", paths.gdb_port)]);
    if f.extra_console.is_some() {
        c = c.line([
            "-serial",
            &format!("tcp::{},server,nowait", paths.extra_serial_port),
        ]);
    }
    c = c
        .line([
            "-netdev",
            &format!(
                "user,id=net0,hostfwd=tcp::{g}-:{guest},hostfwd=tcp::{s}-:22",
                g = paths.hostfwd_generic_port,
                guest = GUEST_FORWARDED_PORT,
                s = paths.hostfwd_ssh_port
            ),
        ])
        .line(["-device", "virtio-net-pci,netdev=net0"]);
    let rr = if args.record {
        Some("record")
    } else if args.replay {
        Some("replay")
    } else {
        None
    };
    if rr.is_some() {
        c = c.line(["-object", "filter-replay,id=replay,netdev=net0"]);
    }
    // Host file access over 9P is not recorded, so a replay would diverge.
    let shares = if rr.is_some() {
        vec![]
    } else {
        nine_p_shares(paths)
    };
    for (dir, tag) in shares {
        c = c.line([
            "-virtfs",
            &format!(
                "local,path={},mount_tag={tag},security_model=none,id={tag}",
                p(&dir)
            ),
        ]);
    }
    for dev in f.qemu_devices {
        c = c.line(["-device", dev]);
    }
    if args.initrd {
        c = c.line(["-initrd", &p(&paths.rootfs_cpio)]);
    } else if args.initramfs {
        // The root filesystem is inside the kernel image.
    } else if rr.is_some() {
        // Disk reads go through blkreplay so that they are replayed too.
        c = c
            .line([
                "-drive",
                &format!(
                    "file={},format=qcow2,if=none,snapshot=on,id=img-direct",
                    p(&paths.disk_image)
                ),
            ])
            .line([
                "-drive",
                "driver=blkreplay,if=none,image=img-direct,id=img-blkreplay",
            ])
            .line(["-device", "virtio-blk-pci,drive=img-blkreplay"]);
    } else {
        let snapshot = if args.disk_persist {
            ""
        } else {
            ",snapshot=on"
        };
        c = c.line([
            "-drive",
            &format!(
                "file={},format=qcow2,if=virtio{snapshot}",
                p(&paths.disk_image)
            ),
        ]);
    }
    c = c.arg("-no-reboot");
    if args.kvm {
        c = c.arg("-enable-kvm");
    }
    if args.gdb_wait || args.gdb {
        c = c.arg("-S");
    }
    if let Some(events) = &args.trace {
        c = c.line([
            "-trace",
            &format!("enable={events},file={}", p(&paths.trace_file)),
        ]);
    }
    if let Some(mode) = rr {
        c = c.line([
            "-icount",
            &format!("shift=7,rr={mode},rrfile={}", p(&paths.qemu_rrfile)),
        ]);
    }
    if args.trace_insts_stdout {
        c = c.line(["-d", "in_asm"]);
    }
    if !args.extra_emulator_args.is_empty() {
        c = c.line(&args.extra_emulator_args);
    }
    c
}

/// `--record` keeps its QEMU command; `--replay` must run the same one
/// (but for the mode), or QEMU replays a log that does not fit and the guest
/// hangs or diverges without a word.
fn check_replay_matches(args: &RunArgs, config: &Config, paths: &Paths) -> Result<()> {
    let as_recorded = RunArgs {
        record: true,
        replay: false,
        ..args.clone()
    };
    let cmd = qemu_cmd(&as_recorded, config, paths).render(false);
    if args.record {
        return write_file(&paths.qemu_rr_cmd_file, &cmd, false);
    }
    let recorded = std::fs::read_to_string(&paths.qemu_rr_cmd_file).unwrap_or_default();
    if recorded == cmd {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "--replay: these options give another QEMU command than the recording's ({}).\n\
         Replay with the options of the recording, or record again: lkmc run --arch {} \
         --run-id {} --record ...",
        paths.qemu_rr_cmd_file.display(),
        config.arch,
        config.run_id
    ))
    .into())
}

fn check_kvm(arch: Arch) -> Result<()> {
    if !arch.is_host() {
        return Err(UsageError::new(format!(
            "--kvm needs the guest arch to be the host's; {arch} is not"
        ))
        .into());
    }
    match std::fs::OpenOptions::new().read(true).write(true).open("/dev/kvm") {
        Ok(_) => Ok(()),
        Err(e) => Err(UsageError::new(format!(
            "--kvm: cannot use /dev/kvm ({e}); this machine has no usable KVM. Run without --kvm (TCG)."
        ))
        .into()),
    }
}

fn build_first(config: &Config, exec: &Executor) -> Result<()> {
    crate::build::main(&default_build_args(), std::slice::from_ref(config), exec)
}

/// Whether the kernel build's .config has this exact line, e.g. `CONFIG_PVH=y`.
fn linux_config_has(paths: &Paths, line: &str) -> bool {
    std::fs::read_to_string(paths.linux_build_dir.join(".config"))
        .is_ok_and(|t| t.lines().any(|l| l == line))
}

/// The file QEMU boots. A kernel with the PVH entry point (x86_64) is booted
/// as vmlinux: QEMU jumps straight into it, skipping the bzImage decompressor,
/// which is slow under TCG.
fn qemu_kernel(paths: &Paths) -> &Path {
    if paths.vmlinux.is_file() && linux_config_has(paths, "CONFIG_PVH=y") {
        &paths.vmlinux
    } else {
        &paths.linux_image
    }
}

/// Fail, naming the command that fixes it, if something the boot needs is missing.
fn check_inputs(args: &RunArgs, config: &Config, paths: &Paths) -> Result<()> {
    let arch = config.arch;
    let mut missing = Vec::new();
    if !paths.linux_image.is_file() {
        missing.push(("kernel image", &paths.linux_image, "linux"));
    }
    if args.initramfs {
        let dot_config = paths.linux_build_dir.join(".config");
        let embedded = std::fs::read_to_string(&dot_config).is_ok_and(|t| {
            t.lines().any(|l| {
                l.starts_with("CONFIG_INITRAMFS_SOURCE=\"") && l != "CONFIG_INITRAMFS_SOURCE=\"\""
            })
        });
        if paths.linux_image.is_file() && !embedded {
            return Err(UsageError::new(format!(
                "--initramfs: the kernel in {} has no initramfs built in.\n\
                 Build one beside it (after the rootfs), then boot it:\n  \
                 lkmc build --arch {arch} --linux-build-id initramfs linux --initramfs\n  \
                 lkmc run --arch {arch} --linux-build-id initramfs --initramfs",
                paths.linux_build_dir.display(),
            ))
            .into());
        }
    } else {
        let disk = if args.initrd {
            &paths.rootfs_cpio
        } else {
            &paths.disk_image
        };
        if !disk.is_file() {
            missing.push(("root filesystem", disk, "rootfs"));
        }
    }
    if args.replay && !paths.qemu_rrfile.is_file() {
        return Err(UsageError::new(format!(
            "--replay: no recording at {}.\nRecord one first, with the same options and run id: \
             lkmc run --arch {arch} --run-id {} --record ...",
            paths.qemu_rrfile.display(),
            config.run_id
        ))
        .into());
    }
    if missing.is_empty() {
        return Ok(());
    }
    let what: Vec<String> = missing
        .iter()
        .map(|(w, path, _)| format!("  {w}: {}", path.display()))
        .collect();
    Err(UsageError::new(format!(
        "nothing to boot yet for {arch}; missing:\n{}\nBuild it with: lkmc build --arch {arch}\n\
         (or add --build to this command)",
        what.join("\n")
    ))
    .into())
}

/// How a boot ended.
pub struct Outcome {
    /// QEMU's exit code (None: killed by a signal).
    pub qemu_status: Option<i32>,
    /// Whether lkmc stopped the guest at --timeout.
    pub timed_out: bool,
    /// Everything the console printed.
    pub console: String,
}

fn boot(cmd: &Cmd, args: &RunArgs, paths: &Paths, quiet: bool) -> Result<Outcome> {
    let mut termout = File::create(&paths.termout_file)
        .with_context(|| format!("creating {}", paths.termout_file.display()))?;
    let mut console = Vec::new();
    let mut stdout = std::io::stdout();
    let input = if args.background {
        Input::Null
    } else {
        Input::Inherit
    };
    let timeout = args.timeout.map(Duration::from_secs);
    let ended = crate::process::stream(cmd, input, timeout, Split::Chunks, |buf| {
        termout.write_all(buf)?;
        console.extend_from_slice(buf);
        if !quiet {
            stdout.write_all(buf)?;
            stdout.flush()?;
        }
        Ok(())
    })?;
    if args.background {
        console = std::fs::read(&paths.background_serial_file).unwrap_or_default();
    }
    Ok(Outcome {
        qemu_status: ended.code(),
        timed_out: ended.timed_out,
        console: String::from_utf8_lossy(&console).into_owned(),
    })
}

impl Outcome {
    /// The guest's `--eval` exit status, if it printed one.
    pub fn eval_status(&self) -> Option<i32> {
        crate::guest::eval_status(&self.console)
    }

    /// Console lines about a kernel crash, if there was one.
    pub fn crash_lines(&self) -> Option<Vec<String>> {
        crate::guest::crash_lines(&self.console)
    }

    /// Print what went wrong, and the exit code lkmc should return.
    pub fn report(&self, args: &RunArgs) -> Result<ExitCode> {
        if self.timed_out {
            return Err(CmdFailed {
                status: 1,
                what: format!(
                    "the guest did not finish within --timeout {} s; stopped it",
                    args.timeout.unwrap_or(0)
                ),
            }
            .into());
        }
        if let Some(lines) = self.crash_lines() {
            eprintln!("\nerror: the guest kernel crashed:");
            for l in &lines {
                eprintln!("  {l}");
            }
            return Err(CmdFailed {
                status: 1,
                what: "kernel crash detected on the guest console".into(),
            }
            .into());
        }
        match self.qemu_status {
            Some(0) => {}
            Some(n) => {
                let tail: Vec<&str> = self.console.lines().rev().take(5).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                return Err(CmdFailed {
                    status: n,
                    what: format!(
                        "QEMU exited with status {n}; it printed:\n  {}",
                        tail.join("\n  ")
                    ),
                }
                .into());
            }
            None => {
                return Err(CmdFailed {
                    status: 1,
                    what: "QEMU was killed by a signal".into(),
                }
                .into());
            }
        }
        if let Some(n) = self.eval_status() {
            return Ok(ExitCode::from(n.clamp(0, 255) as u8));
        }
        if args.eval.is_some() {
            return Err(CmdFailed {
                status: 1,
                what: "the guest powered off without reporting the --eval exit status".into(),
            }
            .into());
        }
        Ok(ExitCode::SUCCESS)
    }
}
