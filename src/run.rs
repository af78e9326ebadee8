//! `lkmc run`: boot the guest, or run one program, and report how it ended.
//!
//! Orchestration only: the options are resolved once (`options::Run`), the
//! emulator (`emulator/`) gives the command line, `process.rs` runs it and
//! `guest.rs` says what its console means. A real run holds the run id's
//! lock (so ports never clash), writes the command to `run.sh`, tees the
//! console to the terminal and to `termout.txt`, and then reads the
//! console: the status printed by `--eval`, a kernel panic or oops, or a
//! timeout decide lkmc's exit status. `--dry-run` goes down the same path
//! and prints what would run. This module builds no command line itself
//! and branches on no emulator (what differs is in `facts/` and `emulator/`).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::RunArgs;
use crate::cli::TmuxProgram;
use crate::cmd::{Cmd, p, script};
use crate::config::Config;
use crate::emulator::{self, Emulator, EmulatorEnd, Mode, Program};
use crate::error::{CmdFailed, UsageError};
use crate::options::{Boot, RecordReplay, Root, Run, Tmux, What};
use crate::paths::Paths;
use crate::plan::{Executor, Step, write_file};
use crate::process::{Finished, Input, RunLock, Split, lock_run_id};

/// `lkmc run`.
pub fn main(args: &RunArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    if configs.len() > 1 {
        return Err(UsageError::new(
            "lkmc run boots one arch at a time; give a single --arch (use `lkmc test --all-archs` for all)",
        )
        .into());
    }
    let config = &configs[0];
    let mut run = Run::new(args)?;
    // gem5 takes one console connection: the split's `lkmc gem5-shell` gets
    // it, and this run leaves it as in the background.
    if let Some(tmux) = &run.tmux
        && program_of(tmux, config) == TmuxProgram::Shell
        && config.emulator.facts().console_socket
    {
        run.boot.background = true;
    }
    check_debug_vm(&run, config)?;
    check_tmux(&run, config, exec)?;
    match &run.what {
        What::Userland {
            paths,
            args,
            stdin,
            kernel_version,
        } => run_userland(
            paths,
            args,
            stdin.as_deref(),
            kernel_version.as_deref(),
            &run,
            config,
            exec,
        ),
        What::Baremetal { path, args } => run_baremetal(path, args, &run, config, exec),
        What::Linux => run_linux(&run, config, exec),
    }
}

fn run_linux(run: &Run, config: &Config, exec: &Executor) -> Result<ExitCode> {
    let emulator = emulator::get(config.emulator);
    let boot = &run.boot;
    emulator.check(Mode::Linux, boot, config)?;
    check_supported(boot, config)?;
    check_linux_which(boot, config)?;
    if let Some(dtb) = &boot.dtb {
        check_dtb(dtb)?;
    }
    // Read in dry runs too: they only read.
    if let Some(file) = &boot.linux_exec {
        crate::images::check_linux_exec(file, config)?;
    }
    if let Some(file) = &boot.disk_image {
        crate::images::check_disk_image(file, config)?;
    }
    // The provider must exist for its image to: refused before anything.
    crate::build::rootfs::get(config.rootfs)?;
    let paths = Paths::new(config);
    if !exec.dry_run && !run.build {
        // Before its inputs: without the emulator nothing boots anyway.
        emulator.ready(&paths)?;
    }
    if run.build {
        let request = crate::build::Request {
            targets: vec![config.emulator.facts().linux_target.to_string()],
            ..Default::default()
        };
        crate::build::execute(&request, std::slice::from_ref(config), exec)?;
    }
    let mut cmd = emulator.boot(boot, config, &paths)?;
    if let Some(dv) = &run.debug_vm {
        cmd = dv.wrap(&cmd);
    }
    let files = emulator.files(boot, &paths);
    let _lock = match exec.dry_run {
        true => None,
        false => Some(prepare_boot(&cmd, &files, emulator, boot, config, &paths)?),
    };
    for (path, contents) in &files {
        exec.show(&Step::Write {
            path: path.clone(),
            contents: contents.clone(),
            executable: false,
        });
    }
    exec.show_cmd(&cmd);
    if let Some(tmux) = &run.tmux {
        split(tmux, config, None, exec)?;
    }
    if exec.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    if run.debug_vm.is_some() {
        return debug_vm_foreground(&cmd);
    }
    let outcome = boot_and_watch(&cmd, emulator, boot, config, &paths)?;
    outcome.report(boot, emulator, config, &paths)
}

/// `--debug-vm` debugs QEMU's own process; lkmc does not start gem5 or
/// native programs under it.
fn check_debug_vm(run: &Run, config: &Config) -> Result<()> {
    if run.debug_vm.is_none() || config.emulator == crate::facts::Emulator::Qemu {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "--debug-vm runs QEMU under GDB; lkmc does not start {} under it. Use --emulator qemu, \
         or lkmc gdb to debug the guest",
        config.emulator.facts().name
    ))
    .into())
}

/// Run the emulator under GDB on this terminal (no console watching: GDB
/// and the guest share it), after saying so when its binary has no debug
/// info: GDB still stops in it, by symbol, without source lines.
fn debug_vm_foreground(cmd: &Cmd) -> Result<ExitCode> {
    let program = cmd
        .lines
        .iter()
        .flatten()
        .skip_while(|a| a.as_str() != "--args")
        .nth(1)
        .cloned()
        .unwrap_or_default();
    if let Ok(exe) = which::which(&program)
        && let Ok(elf) = crate::elf::read(&exe)
        && !elf.has_debug_info
    {
        eprintln!(
            "note: {} has no debug info (no .debug_info section): GDB shows its functions but \
             no source lines or variables. Build one with lkmc build qemu --qemu-build-type \
             debug and run with --qemu-which lkmc --qemu-build-type debug.",
            exe.display()
        );
    }
    match crate::process::foreground(cmd, None)? {
        Finished::Exited(code) => Ok(ExitCode::from(code.clamp(0, 255) as u8)),
        Finished::TimedOut => Ok(ExitCode::FAILURE),
    }
}

/// What the emulator's facts say it cannot do, refused up front.
fn check_supported(boot: &Boot, config: &Config) -> Result<()> {
    let e = config.emulator.facts();
    if boot.kvm && !e.has_kvm {
        return Err(UsageError::new(format!("--kvm: {} cannot use KVM", e.name)).into());
    }
    if boot.record_replay.is_some() && !e.has_record {
        return Err(
            UsageError::new(format!("--record/--replay: {} cannot record a run", e.name)).into(),
        );
    }
    if !e.takes_dtb_and_machine {
        for (set, option) in [
            (boot.dtb.is_some(), "--dtb"),
            (boot.machine.is_some(), "--machine"),
        ] {
            if set {
                return Err(UsageError::new(format!(
                    "{option} is passed to QEMU, and lkmc does not hand it to {} (leave it out, \
                     or run with --emulator qemu)",
                    e.name
                ))
                .into());
            }
        }
    }
    Ok(())
}

/// What the distro's kernel cannot boot: lkmc's cpio, which it has no
/// modules in (its own initramfs loads them before the disk), and what
/// `--linux-which distro` refuses anywhere.
fn check_linux_which(boot: &Boot, config: &Config) -> Result<()> {
    if config.linux_which != crate::facts::provider::LinuxWhich::Distro {
        return Ok(());
    }
    crate::build::distro_kernel::check_config(config)?;
    if boot.linux_exec.is_some() {
        return Err(UsageError::new(
            "--linux-exec boots a kernel of yours, and --linux-which distro the distro's: give \
             one of them (the distro kernel's initramfs holds modules of its own kernel only)",
        )
        .into());
    }
    let option = match boot.root {
        Root::Disk { .. } => return Ok(()),
        Root::Initrd => "--initrd",
        Root::Initramfs => "--initramfs",
    };
    Err(UsageError::new(format!(
        "{option}: the distro's kernel (--linux-which distro) boots the root disk only, through          the initramfs that loads its modules (virtio, ext4, 9P) first; lkmc's cpio has none of          them. Leave out {option}, or boot lkmc's kernel (--linux-which lkmc)"
    ))
    .into())
}

/// Everything a real boot needs before the emulator starts: its inputs,
/// the run id's lock, a matching recording, the shared directories and the
/// reproducer scripts.
fn prepare_boot(
    cmd: &Cmd,
    files: &[(PathBuf, String)],
    emulator: &dyn Emulator,
    boot: &Boot,
    config: &Config,
    paths: &Paths,
) -> Result<RunLock> {
    check_inputs(boot, config, paths)?;
    // The guest's modules are lkmc's kernel's; another kernel's
    // (--linux-exec) refuses them whatever lkmc built.
    if !config.quiet
        && boot.linux_exec.is_none()
        && let Some(w) = crate::build::modules::mismatch_warning(config, paths)
    {
        eprintln!("{w}");
    }
    let lock = lock_run_id(paths, config)?;
    if let Some(rr) = boot.record_replay {
        check_replay_matches(rr, emulator, boot, config, paths)?;
    }
    if config.emulator.facts().has_9p {
        // QEMU refuses a 9P share of a missing directory.
        for (dir, _) in crate::guest::nine_p_shares(paths) {
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
    }
    for (path, contents) in files {
        write_file(path, contents, false)?;
    }
    write_reproducer(cmd, paths)?;
    Ok(lock)
}

/// The command of a real run, as a script: the run dir's run.sh and the
/// out dir's run.sh (the last run of any id), for every kind of run.
fn write_reproducer(cmd: &Cmd, paths: &Paths) -> Result<()> {
    write_file(&paths.run_cmd_file, &script(cmd), true)?;
    write_file(&paths.last_run_cmd_file, &script(cmd), true)
}

fn run_userland(
    progs: &[PathBuf],
    prog_args: &[String],
    stdin: Option<&Path>,
    kernel_version: Option<&str>,
    run: &Run,
    config: &Config,
    exec: &Executor,
) -> Result<ExitCode> {
    let emulator = emulator::get(config.emulator);
    emulator.check(Mode::Userland, &run.boot, config)?;
    check_userland_programs(progs, kernel_version, run, config)?;
    let paths = Paths::new(config);
    if !exec.dry_run {
        // Before the program is built: without the emulator it cannot run.
        emulator.ready(&paths)?;
    }
    let mut exes = Vec::new();
    for path in progs {
        exes.push(crate::build::userland::executable(
            path, config, &paths, exec,
        )?);
    }
    let path = &progs[0];
    let exe = exes.remove(0);
    let program = Program {
        exe,
        others: exes,
        kernel_version: kernel_version.map(String::from),
        args: prog_args.to_vec(),
        gdb_wait: run.boot.gdb_wait,
        trace: run.boot.trace.clone(),
        trace_insts_stdout: run.boot.trace_insts_stdout,
        extra_args: run.boot.extra_emulator_args.clone(),
    };
    let mut cmd = emulator.userland(&program, config, &paths)?;
    cmd.stdin = stdin.map(Path::to_path_buf);
    if !exec.dry_run
        && let Some(f) = &cmd.stdin
        && !f.is_file()
    {
        return Err(UsageError::new(format!("--stdin-file {}: no such file", f.display())).into());
    }
    let gdb = GdbTarget::Userland(path);
    run_program(&cmd, &program.exe, run, config, &paths, exec, gdb)
}

/// What the emulator's user mode cannot do with these programs, refused
/// before any is built: several at once, another kernel release.
fn check_userland_programs(
    progs: &[PathBuf],
    kernel_version: Option<&str>,
    run: &Run,
    config: &Config,
) -> Result<()> {
    let e = config.emulator.facts();
    if progs.len() > 1 && !e.userland_side_by_side {
        return Err(UsageError::new(format!(
            "{} --userland programs: --emulator {} runs one program a process (as the \
             original, which refused too). Run them one after another (lkmc run --userland \
             A; lkmc run --userland B), or side by side, one per CPU, in gem5's syscall \
             emulation: lkmc run --arch {} --emulator gem5 --userland A --userland B",
            progs.len(),
            e.name,
            config.arch
        ))
        .into());
    }
    if progs.len() > 1 && (run.tmux.is_some() || run.boot.gdb_wait) {
        return Err(UsageError::new(
            "--gdb-wait, --gdb and --tmux debug one program; give a single --userland",
        )
        .into());
    }
    if let Some(v) = kernel_version
        && !e.userland_release
    {
        return Err(UsageError::new(format!(
            "--kernel-version {v}: a {} program sees the host's own kernel, whatever lkmc \
             says; use --emulator qemu (QEMU user mode's -r) or gem5",
            e.name
        ))
        .into());
    }
    Ok(())
}

fn run_baremetal(
    path: &Path,
    prog_args: &[String],
    run: &Run,
    config: &Config,
    exec: &Executor,
) -> Result<ExitCode> {
    let emulator = emulator::get(config.emulator);
    emulator.check(Mode::Baremetal, &run.boot, config)?;
    check_supported(&run.boot, config)?;
    let paths = Paths::new(config);
    if !exec.dry_run {
        // Before the image is built: without the emulator it cannot run.
        emulator.ready(&paths)?;
    }
    let (image, props) = crate::build::baremetal::image_for(path, config, &paths, exec)?;
    // An image that starts secondary CPUs needs them to exist.
    let boot = Boot {
        cpus: run.boot.cpus.max(props.smp.unwrap_or(1)),
        ..run.boot.clone()
    };
    let cmd = emulator.baremetal(&boot, &image, config, &paths)?;
    let args_step = match prog_args.is_empty() {
        true => None,
        false => Some(crate::build::baremetal::cli_args_step(
            &image, prog_args, &paths,
        )?),
    };
    let _lock = if exec.dry_run {
        None
    } else {
        Some(lock_run_id(&paths, config)?)
    };
    if let Some(step) = &args_step {
        exec.show(step);
        if let (false, Step::Write { path, contents, .. }) = (exec.dry_run, step) {
            write_file(path, contents, false)?;
        }
    }
    let gdb = GdbTarget::Baremetal(path);
    if config.emulator.facts().console_socket {
        // The UART is on the emulator's terminal socket (gem5), as a Linux
        // console is: relayed, and the emulator's output read for the end.
        if !exec.dry_run {
            write_reproducer(&cmd, &paths)?;
        }
        exec.show_cmd(&cmd);
        if let Some(tmux) = &run.tmux {
            split(tmux, config, Some(gdb), exec)?;
        }
        if exec.dry_run {
            return Ok(ExitCode::SUCCESS);
        }
        let outcome = boot_and_watch(&cmd, emulator, &boot, config, &paths)?;
        return outcome.report(&boot, emulator, config, &paths);
    }
    run_program(&cmd, &image, run, config, &paths, exec, gdb)
}

/// Run a program (userland or baremetal) in the foreground: keep its
/// command in run.sh, open GDB beside it with --gdb, and exit with its
/// status.
fn run_program(
    cmd: &Cmd,
    program: &Path,
    run: &Run,
    config: &Config,
    paths: &Paths,
    exec: &Executor,
    gdb: GdbTarget,
) -> Result<ExitCode> {
    let wrapped = run.debug_vm.as_ref().map(|dv| dv.wrap(cmd));
    let cmd = wrapped.as_ref().unwrap_or(cmd);
    if !exec.dry_run {
        write_reproducer(cmd, paths)?;
    }
    exec.show_cmd(cmd);
    if let Some(tmux) = &run.tmux {
        split(tmux, config, Some(gdb), exec)?;
    }
    if exec.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    if run.debug_vm.is_some() {
        return debug_vm_foreground(cmd);
    }
    let finished = if run.boot.trace_insts_stdout || !run.boot.show_stdout {
        tee_to_termout(cmd, run, config, paths)?
    } else {
        crate::process::foreground(cmd, run.boot.timeout)?
    };
    match finished {
        Finished::Exited(code) => Ok(ExitCode::from(code.clamp(0, 255) as u8)),
        Finished::TimedOut => Err(CmdFailed {
            status: 1,
            what: format!(
                "{} did not finish within --timeout {} s; stopped it",
                program.display(),
                timeout_secs(&run.boot)
            ),
        }
        .into()),
    }
}

/// Run a program with its output (and QEMU's, e.g. the -d in_asm of
/// --trace-insts-stdout) also in the run dir's termout.txt, where
/// `lkmc trace2line` reads it; on the terminal too unless --no-show-stdout.
/// Its output is then a pipe, so the program's stdio buffers it (a prompt
/// shows late): only these runs go this way.
fn tee_to_termout(cmd: &Cmd, run: &Run, config: &Config, paths: &Paths) -> Result<Finished> {
    // Baremetal runs hold the lock already; a user-mode run takes it now,
    // so that no other run of this id writes the same termout.txt.
    let _lock = match &run.what {
        What::Userland { .. } => Some(lock_run_id(paths, config)?),
        _ => None,
    };
    // A port file left by an earlier run would send GDB to a port of the past.
    let _ = std::fs::remove_file(&paths.gdb_port_file);
    let mut termout = File::create(&paths.termout_file)
        .with_context(|| format!("creating {}", paths.termout_file.display()))?;
    let mut stdout = std::io::stdout();
    let show = run.boot.show_stdout;
    let ended = crate::process::stream(
        cmd,
        Input::Inherit,
        run.boot.timeout,
        Split::Chunks,
        |buf| {
            termout.write_all(buf)?;
            if show {
                stdout.write_all(buf)?;
                stdout.flush()?;
            }
            Ok(())
        },
    )?;
    Ok(ended.finished())
}

fn timeout_secs(boot: &Boot) -> u64 {
    boot.timeout.map(|t| t.as_secs()).unwrap_or(0)
}

/// A program that `--gdb` debugs instead of the kernel.
enum GdbTarget<'a> {
    Userland(&'a Path),
    Baremetal(&'a Path),
}

/// `--gdb` and `--tmux` open a tmux split: outside tmux they are refused
/// before anything is built or started, with the two commands to run in
/// two shells instead. A dry run shows the split whatever the shell it runs
/// in.
fn check_tmux(run: &Run, config: &Config, exec: &Executor) -> Result<()> {
    let Some(tmux) = &run.tmux else {
        return Ok(());
    };
    if exec.dry_run || std::env::var_os("TMUX").is_some() {
        return Ok(());
    }
    let program = match &run.what {
        What::Userland { paths, .. } => Some(GdbTarget::Userland(&paths[0])),
        What::Baremetal { path, .. } => Some(GdbTarget::Baremetal(path)),
        What::Linux => None,
    };
    let option = program
        .as_ref()
        .map(|g| format!(" {} {}", g.option(), g.path().display()))
        .unwrap_or_default();
    let (flag, what, wait) = match (tmux.gdb, program_of(tmux, config)) {
        (true, _) => ("--gdb", "GDB", " --gdb-wait"),
        (false, TmuxProgram::Gdb) => ("--tmux", "GDB", ""),
        (false, TmuxProgram::Shell) => ("--tmux", shell_name(config), " --background"),
    };
    Err(UsageError::new(format!(
        "{flag} opens {what} in a tmux split, and this shell is not inside tmux.\n\
         Start tmux first, or use two shells:\n  \
         lkmc run --arch {} --run-id {}{}{wait}{option}\n  \
         {}",
        config.arch,
        config.run_id,
        config
            .port_offset
            .map(|o| format!(" --port-offset {o}"))
            .unwrap_or_default(),
        split_line(tmux, config, program.as_ref())?
    ))
    .into())
}

/// What the split runs: `--tmux-program`, else gdb on QEMU and the
/// console (shell) on gem5, as in the original.
fn program_of(tmux: &Tmux, config: &Config) -> TmuxProgram {
    tmux.program
        .unwrap_or(match config.emulator.facts().console_socket {
            true => TmuxProgram::Shell,
            false => TmuxProgram::Gdb,
        })
}

/// What `--tmux-program shell` opens for the emulator.
fn shell_name(config: &Config) -> &'static str {
    match config.emulator.facts().console_socket {
        true => "the guest's console",
        false => "QEMU's monitor",
    }
}

impl GdbTarget<'_> {
    fn option(&self) -> &'static str {
        match self {
            GdbTarget::Userland(_) => "--userland",
            GdbTarget::Baremetal(_) => "--baremetal",
        }
    }

    fn path(&self) -> &Path {
        match self {
            GdbTarget::Userland(p) | GdbTarget::Baremetal(p) => p,
        }
    }
}

/// The command the split runs: `lkmc gdb` of this run (with `--tmux-args`,
/// or --gdb's default break), or the emulator's shell: `lkmc qemu-monitor`
/// (QEMU's monitor) or `lkmc gem5-shell` (gem5's console).
fn split_line(tmux: &Tmux, config: &Config, program: Option<&GdbTarget>) -> Result<String> {
    let exe = std::env::current_exe()?;
    let shell = program_of(tmux, config) == TmuxProgram::Shell;
    let sub = match (shell, config.emulator.facts().console_socket) {
        (false, _) => "gdb",
        (true, true) => "gem5-shell",
        (true, false) => "qemu-monitor",
    };
    let mut words: Vec<String> = vec![
        p(&exe),
        sub.into(),
        "--arch".into(),
        config.arch.to_string(),
        "--run-id".into(),
        config.run_id.to_string(),
    ];
    // The emulator picks the stub's port (gem5 announces its own).
    if config.emulator != crate::facts::Emulator::Qemu && !shell {
        words.extend(["--emulator".into(), config.emulator.to_string()]);
    }
    if let Some(o) = config.port_offset {
        words.extend(["--port-offset".into(), o.to_string()]);
    }
    words.extend(["--out-dir".into(), p(&config.out_dir)]);
    if !shell {
        words.extend(["--linux-build-id".into(), config.build_ids.linux.clone()]);
        if let Some(g) = program {
            words.extend([g.option().into(), p(&std::path::absolute(g.path())?)]);
        }
        match (&tmux.args, tmux.gdb) {
            (Some(a), _) => words.extend(a.iter().cloned()),
            (None, true) => words.push(
                if program.is_some() {
                    "main"
                } else {
                    "start_kernel"
                }
                .into(),
            ),
            // Attached to a guest that runs on: no breakpoint of lkmc's.
            (None, false) => {}
        }
    }
    let line: Vec<String> = words.iter().map(|w| crate::cmd::quote(w)).collect();
    Ok(line.join(" "))
}

/// Open the split's command (`split_line`) in a tmux split beside the
/// emulator (tmux: see `check_tmux`).
fn split(tmux: &Tmux, config: &Config, program: Option<GdbTarget>, exec: &Executor) -> Result<()> {
    let line = split_line(tmux, config, program.as_ref())?;
    // The emulator starts in this pane right after; give it a moment to listen.
    let split = Cmd::new("tmux")
        .line(["split-window", "-h", "-d"])
        .arg(format!("sleep 1; {line}"));
    match exec.foreground(&split, None)? {
        None | Some(Finished::Exited(0)) => Ok(()),
        Some(_) => Err(UsageError::new("tmux split-window failed").into()),
    }
}

/// `--record` keeps its command; `--replay` must run the same one (but for
/// the mode), or the emulator replays a log that does not fit and the guest
/// hangs or diverges without a word.
fn check_replay_matches(
    rr: RecordReplay,
    emulator: &dyn Emulator,
    boot: &Boot,
    config: &Config,
    paths: &Paths,
) -> Result<()> {
    let as_recorded = Boot {
        record_replay: Some(RecordReplay::Record),
        ..boot.clone()
    };
    let cmd = emulator.boot(&as_recorded, config, paths)?.render(false);
    if rr == RecordReplay::Record {
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

/// Refuse a --dtb that is not a flattened device tree (magic d00dfeed),
/// before QEMU boots a kernel that then finds no devices. Read in dry runs
/// too: it only reads.
fn check_dtb(dtb: &Path) -> Result<()> {
    use std::io::Read;
    let mut magic = [0u8; 4];
    let read = std::fs::File::open(dtb).and_then(|mut f| f.read_exact(&mut magic));
    let why = match read {
        Ok(()) if magic == [0xd0, 0x0d, 0xfe, 0xed] => return Ok(()),
        Ok(()) => format!(
            "is not a device tree blob (it starts with {}, not the magic d00dfeed)",
            magic.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            "is not a device tree blob (shorter than its 4-byte magic)".to_string()
        }
        Err(e) => format!("cannot be read ({e})"),
    };
    Err(UsageError::new(format!(
        "--dtb {}: {why}.
Give a compiled one: dtc -I dts -O dtb -o board.dtb board.dts, or \
         QEMU's own: qemu-system-ARCH -machine virt,dumpdtb=board.dtb",
        dtb.display()
    ))
    .into())
}

/// Fail, naming the command that fixes it, if something the boot needs is missing.
/// Whether `path` starts with qcow2's magic (`QFI\xfb`): a cheap look that
/// catches a truncated or overwritten image before QEMU's own error.
fn is_qcow2(path: &Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(path).is_ok_and(|mut f| f.read_exact(&mut magic).is_ok())
        && magic == *b"QFI\xfb"
}

fn check_inputs(boot: &Boot, config: &Config, paths: &Paths) -> Result<()> {
    let arch = config.arch;
    let mut missing: Vec<(&str, &PathBuf)> = Vec::new();
    // --linux-exec and --disk-image are the user's, checked already.
    if boot.linux_exec.is_none() && !paths.image.is_file() {
        missing.push(("kernel image", &paths.image));
    }
    match boot.root {
        // Another kernel's initramfs is its own business.
        Root::Initramfs if boot.linux_exec.is_some() => {}
        Root::Initramfs => {
            let embedded = std::fs::read_to_string(&paths.linux_config).is_ok_and(|t| {
                t.lines().any(|l| {
                    l.starts_with("CONFIG_INITRAMFS_SOURCE=\"")
                        && l != "CONFIG_INITRAMFS_SOURCE=\"\""
                })
            });
            if paths.image.is_file() && !embedded {
                return Err(UsageError::new(format!(
                    "--initramfs: the kernel in {} has no initramfs built in.\n\
                     Build one beside it (after the rootfs), then boot it:\n  \
                     lkmc build --arch {arch} --linux-build-id initramfs linux --initramfs\n  \
                     lkmc run --arch {arch} --linux-build-id initramfs --initramfs",
                    paths.linux_build_dir.display(),
                ))
                .into());
            }
        }
        Root::Initrd if !paths.rootfs_cpio.is_file() => {
            missing.push(("root filesystem", &paths.rootfs_cpio));
        }
        Root::Disk { .. } if boot.disk_image.is_none() && !paths.disk_image.is_file() => {
            missing.push(("root filesystem", &paths.disk_image));
        }
        _ => {}
    }
    if let Some(initrd) = &paths.linux_initrd
        && !initrd.is_file()
    {
        missing.push(("the distro kernel's initramfs", initrd));
    }
    let qcow2 = config.emulator.facts().disk == crate::facts::emulator::DiskFormat::Qcow2;
    if matches!(boot.root, Root::Disk { .. })
        && qcow2
        && boot.disk_image.is_none()
        && paths.disk_image.is_file()
        && !is_qcow2(&paths.disk_image)
    {
        return Err(UsageError::new(format!(
            "{} is not a qcow2 image (corrupt or cut short?), so QEMU could not boot it.\n\
             Rebuild it: lkmc build --arch {arch} rootfs --force-rebuild (a disk you wrote with \
             --disk-persist: copy it away first)",
            paths.disk_image.display()
        ))
        .into());
    }
    if boot.record_replay == Some(RecordReplay::Replay) && !paths.qemu_rrfile.is_file() {
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
        .map(|(w, path)| format!("  {w}: {}", path.display()))
        .collect();
    Err(UsageError::new(format!(
        "nothing to boot yet for {arch}; missing:\n{}\nBuild it with: lkmc build --arch {arch}{}\n\
         (or add --build to this command)",
        what.join("\n"),
        match config.rootfs {
            crate::facts::rootfs::Rootfs::Lkmc => "",
            crate::facts::rootfs::Rootfs::Buildroot => " --rootfs buildroot",
        }
    ))
    .into())
}

/// How a boot ended.
pub struct Outcome {
    /// The emulator's exit code (None: killed by a signal).
    pub status: Option<i32>,
    /// Whether lkmc stopped the guest at --timeout.
    pub timed_out: bool,
    /// Everything the console printed.
    pub console: String,
    /// Everything the emulator printed (the console too, when it is the
    /// emulator's stdio).
    pub output: String,
}

/// Run the boot with its console teed to the terminal and `termout.txt`.
/// A console on a socket (gem5's terminal) is relayed to the terminal
/// instead, and the emulator's own output goes to stderr and termout.txt.
fn boot_and_watch(
    cmd: &Cmd,
    emulator: &dyn Emulator,
    boot: &Boot,
    config: &Config,
    paths: &Paths,
) -> Result<Outcome> {
    // --no-show-stdout: the output goes to termout.txt only.
    let quiet = config.quiet || !boot.show_stdout;
    let mut termout = File::create(&paths.termout_file)
        .with_context(|| format!("creating {}", paths.termout_file.display()))?;
    let mut output = Vec::new();
    let socket = config.emulator.facts().console_socket;
    let mut relay: Option<crate::console::Relay> = None;
    let mut stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    let input = if boot.background || socket {
        Input::Null
    } else {
        Input::Inherit
    };
    let split = if socket { Split::Lines } else { Split::Chunks };
    let ended = crate::process::stream(cmd, input, boot.timeout, split, |buf| {
        termout.write_all(buf)?;
        output.extend_from_slice(buf);
        if !socket {
            if !quiet {
                stdout.write_all(buf)?;
                stdout.flush()?;
            }
            return Ok(());
        }
        if !quiet {
            stderr.write_all(buf)?;
        }
        if let Some(port) = emulator.gdb_port(&String::from_utf8_lossy(buf)) {
            std::fs::write(&paths.gdb_port_file, format!("{port}\n"))
                .with_context(|| format!("writing {}", paths.gdb_port_file.display()))?;
        }
        // In the background the console is left free for `lkmc gem5-shell`
        // (gem5 takes one connection); gem5 logs it all the same.
        if relay.is_none()
            && !boot.background
            && let Some(port) = emulator.console_port(&String::from_utf8_lossy(buf))
        {
            let out: Option<Box<dyn Write + Send>> = match quiet {
                true => None,
                false => Some(Box::new(std::io::stdout())),
            };
            let wait = std::time::Duration::from_secs(10);
            relay = Some(crate::console::attach(port, wait, out, true)?);
        }
        Ok(())
    })?;
    if let Some(r) = relay {
        r.finish();
    }
    let mut console = output.clone();
    // The console is not on stdout when it goes to a file: QEMU's
    // --background log, or an emulator's own console log (gem5's).
    if boot.background && !socket {
        console = std::fs::read(&paths.background_serial_file).unwrap_or_default();
    } else if paths.guest_terminal_file != paths.termout_file {
        console = std::fs::read(&paths.guest_terminal_file).unwrap_or_default();
    }
    Ok(Outcome {
        status: ended.code(),
        timed_out: ended.timed_out,
        console: String::from_utf8_lossy(&console).into_owned(),
        output: String::from_utf8_lossy(&output).into_owned(),
    })
}

impl Outcome {
    /// Print what went wrong, and the exit code lkmc should return.
    pub fn report(
        &self,
        boot: &Boot,
        emulator: &dyn Emulator,
        config: &Config,
        paths: &Paths,
    ) -> Result<ExitCode> {
        let name = config.emulator.facts().name;
        if self.timed_out {
            return Err(CmdFailed {
                status: 1,
                what: format!(
                    "the guest did not finish within --timeout {} s; stopped it",
                    timeout_secs(boot)
                ),
            }
            .into());
        }
        if let Some(lines) = crate::guest::crash_lines(&self.console) {
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
        let tail = || {
            let tail: Vec<&str> = self.output.lines().rev().take(5).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            tail.join("\n  ")
        };
        // The emulator's own account of a failure first: a gem5 panic's
        // reason is above its backtrace, which ends its output.
        match emulator.ended(&self.output) {
            EmulatorEnd::Failed(why) => {
                return Err(CmdFailed {
                    status: 1,
                    what: why,
                }
                .into());
            }
            EmulatorEnd::GuestPanic(line) => {
                return Err(CmdFailed {
                    status: 1,
                    what: guest_panic(&line, &paths.gem5_dmesg_file),
                }
                .into());
            }
            _ => {}
        }
        match self.status {
            Some(0) => {}
            Some(n) => {
                return Err(CmdFailed {
                    status: n,
                    what: format!("{name} exited with status {n}; it printed:\n  {}", tail()),
                }
                .into());
            }
            None => {
                return Err(CmdFailed {
                    status: 1,
                    what: format!("{name} was killed by a signal; it printed:\n  {}", tail()),
                }
                .into());
            }
        }
        if let EmulatorEnd::Status(n) = emulator.ended(&self.output) {
            return Ok(ExitCode::from(n.clamp(0, 255) as u8));
        }
        if let Some(n) = crate::guest::eval_status(&self.console) {
            return Ok(ExitCode::from(n.clamp(0, 255) as u8));
        }
        // The command ended the machine itself (`poweroff -f`, `m5 exit`,
        // ./linux/poweroff.out): the original's idioms, and a success.
        if boot.guest.eval.is_some() {
            eprintln!(
                "note: the guest powered off before --eval's command returned (the command \
                 ended the machine itself); no exit status to report, so 0"
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// What lkmc says when the emulator stopped the guest at its kernel's
/// panic: the emulator's line and the end of the kernel log it dumped (the
/// console has not printed the panic yet: the emulator stops at its entry).
fn guest_panic(line: &str, dmesg: &Path) -> String {
    let log = std::fs::read_to_string(dmesg).unwrap_or_default();
    let lines: Vec<&str> = log.lines().collect();
    let tail = lines[lines.len().saturating_sub(10)..].join("\n  ");
    if tail.is_empty() {
        return format!(
            "the guest kernel panicked ({line}); no kernel log at {}",
            dmesg.display()
        );
    }
    format!(
        "the guest kernel panicked ({line}); the end of its kernel log ({}):\n  {tail}",
        dmesg.display()
    )
}
