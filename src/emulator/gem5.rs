//! gem5: full-system Linux boots (fs.py), userland programs in syscall
//! emulation (se.py). Baremetal images are not implemented yet; they are
//! refused before anything is built.
//!
//! Both scripts are gem5's own (configs/deprecated/example in gem5 24,
//! where example/fs.py moved), driven by their options: the board and CPU
//! come from the gem5 rows of `facts/machine.rs`, the ports from `Paths`.
//! gem5's own output (its messages, `Exiting @ tick ... because ...`) is
//! read here for how the simulation ended; the guest's console is on
//! gem5's terminal socket, which `run.rs` attaches to (see [`console_port`]).

use std::path::PathBuf;

use anyhow::Result;

use super::common::{Emulator, EmulatorEnd, Mode, Program, kernel_cli, refuse_qemu_only};
use crate::cli::CpuType;
use crate::cmd::{Cmd, p, quote};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::machine::MachineFacts;
use crate::facts::{Arch, Emulator as Which, machine};
use crate::options::{Boot, Root};
use crate::paths::Paths;

pub struct Gem5;

fn board(arch: Arch) -> &'static MachineFacts {
    machine(arch, Which::Gem5)
}

/// gem5's class for a CPU model on the board's ISA (ArmO3CPU, ...).
fn cpu_class(m: &MachineFacts, cpu: CpuType) -> String {
    let model = match cpu {
        CpuType::Atomic => "AtomicSimpleCPU",
        CpuType::Timing => "TimingSimpleCPU",
        CpuType::Minor => "MinorCPU",
        CpuType::O3 => "O3CPU",
    };
    format!("{}{model}", m.cpu)
}

/// The model's name as `--cpu-type` takes it.
fn cpu_name(cpu: CpuType) -> String {
    use clap::ValueEnum;
    cpu.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// A memory size in QEMU's syntax (`256M`, bare numbers in MiB) as gem5
/// writes it (`256MB`).
fn gem5_size(memory: &str) -> String {
    match memory.chars().last() {
        Some(c) if c.is_ascii_alphabetic() => {
            format!("{}{}B", &memory[..memory.len() - 1], c.to_ascii_uppercase())
        }
        _ => format!("{memory}MB"),
    }
}

/// What every gem5 run starts with: its output dir, listeners on, the run
/// id's GDB port, debug flags, the user's gem5 options.
fn gem5_head(boot: &Boot, paths: &Paths) -> Cmd {
    let mut c = Cmd::new(p(&paths.gem5_executable))
        // Python changes under configs/ and src/python take effect without
        // rebuilding gem5.
        .env("M5_OVERRIDE_PY_SOURCE", "true")
        // Where the config scripts look up system files given by name.
        .env("M5_PATH", p(&paths.gem5_system_dir))
        // Without a terminal on stdout, gem5 would open no listener.
        .line(["--listener-mode", "on"])
        .line(["--outdir", &p(&paths.m5out_dir)]);
    let flags = match (&boot.trace, boot.trace_insts_stdout) {
        (Some(f), true) => Some(format!("{f},ExecAll")),
        (Some(f), false) => Some(f.clone()),
        (None, true) => Some("ExecAll".to_string()),
        (None, false) => None,
    };
    if let Some(flags) = flags {
        let to_terminal = boot.gem5.trace_stdout || boot.trace_insts_stdout;
        // --debug-file is relative to --outdir.
        let file = if to_terminal { "cout" } else { "trace.txt" };
        c = c
            .line(["--debug-flags", &flags])
            .line(["--debug-file", file]);
    }
    if !boot.gem5.exe_args.is_empty() {
        c = c.line(&boot.gem5.exe_args);
    }
    c
}

/// fs.py's system: what it runs, CPUs, memory, the board.
fn board_args(c: Cmd, boot: &Boot, m: &MachineFacts, kernel: &std::path::Path) -> Cmd {
    c.line(["--kernel", &p(kernel)])
        .line(["--num-cpus", &boot.cpus.to_string()])
        .line(["--mem-size", &gem5_size(&boot.memory)])
        .line(m.machine_args.iter().copied())
}

/// The CPU model and its caches.
fn cpu_args(mut c: Cmd, boot: &Boot, m: &MachineFacts) -> Cmd {
    c = c.line(["--cpu-type", &cpu_class(m, boot.gem5.cpu_type)]);
    if boot.gem5.caches {
        c = c.line(["--caches", "--l2cache"]);
    }
    c
}

/// GDB's wait. The terminal's and GDB's ports cannot be set from the
/// command line (gem5's HostSocket params are not, and v24's
/// --remote-gdb-port is parsed but used by nothing), and need not be: gem5
/// takes the first free port from 3456 and 7000 and says which, and lkmc
/// reads them there.
fn listener_args(mut c: Cmd, boot: &Boot) -> Cmd {
    if boot.gdb_wait {
        c = c.arg("--wait-gdb");
    }
    c
}

/// The checkpoint `--gem5-restore N` means, as fs.py's `-r K`: K counts
/// m5out's `cpt.TICK` dirs by tick, N the most recent first (by mtime), so
/// that 1 is always the one taken last.
fn restore_index(n: u32, config: &Config, paths: &Paths) -> Result<u32> {
    let mut cpts: Vec<(u64, std::time::SystemTime)> = std::fs::read_dir(&paths.m5out_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let tick = e.file_name().to_str()?.strip_prefix("cpt.")?.parse().ok()?;
            let mtime = e.metadata().ok()?.modified().ok()?;
            e.path().join("m5.cpt").is_file().then_some((tick, mtime))
        })
        .collect();
    if cpts.len() < n as usize {
        let have = match cpts.len() {
            0 => "no checkpoint".to_string(),
            1 => "1 checkpoint".to_string(),
            k => format!("{k} checkpoints"),
        };
        return Err(UsageError::new(format!(
            "--gem5-restore {n}: {} holds {have}.\nTake one with `m5 checkpoint` in the guest, \
             e.g.: lkmc run --arch {} --emulator gem5 --run-id {} --eval /lkmc/gem5.sh",
            paths.m5out_dir.display(),
            config.arch,
            config.run_id
        ))
        .into());
    }
    cpts.sort_by_key(|&(_, mtime)| std::cmp::Reverse(mtime));
    let tick = cpts[n as usize - 1].0;
    cpts.sort_by_key(|&(tick, _)| tick);
    let k = cpts.iter().position(|&(t, _)| t == tick).unwrap_or(0);
    Ok(k as u32 + 1)
}

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
            Mode::Userland => {
                refuse_qemu_only(
                    boot,
                    config,
                    "gem5's syscall emulation has no such options in lkmc yet",
                )?;
                match boot.gem5.given().first() {
                    Some(o) => Err(UsageError::new(format!(
                        "{o} with --emulator gem5 --userland is not implemented yet: lkmc's \
                         syscall emulation runs take no CPU, cache or checkpoint options.\n\
                         Use them with a Linux boot: lkmc run --arch {} --emulator gem5 {o} ...",
                        config.arch
                    ))
                    .into()),
                    None => Ok(()),
                }
            }
            Mode::Linux => check_linux(boot, config),
            Mode::Baremetal => check_baremetal(boot, config),
        }
    }

    /// fs.py with the kernel, the disk, the board's bootloader and machine
    /// type, and the guest's command line.
    fn boot(&self, boot: &Boot, config: &Config, paths: &Paths) -> Result<Cmd> {
        let m = board(config.arch);
        let mut c = gem5_head(boot, paths).arg(p(&paths.gem5_fs_file));
        // --linux-exec's kernel and --disk-image's image as they are: fs.py
        // keeps the guest's writes in a copy-on-write layer of its own.
        let kernel = boot.linux_exec.as_ref().unwrap_or(&paths.vmlinux);
        let disk = boot.disk_image.as_ref().unwrap_or(&paths.disk_image);
        c = board_args(c, boot, m, kernel).line(["--disk-image", &p(disk)]);
        if let Some(bootloader) = &paths.gem5_bootloader {
            c = c.line(["--bootloader", &p(bootloader)]);
        }
        c = c
            .line(["--command-line", &kernel_cli(boot, m)])
            .line(["--script", &p(&paths.gem5_readfile_file)]);
        c = cpu_args(c, boot, m);
        if config.arch != Arch::X86_64 {
            // A guest kernel panic stops gem5 at once, instead of a guest
            // spinning in panic() until --timeout.
            c = c.line(["--param", "system.workload.panic_on_panic = True"]);
        }
        c = listener_args(c, boot);
        if let Some(n) = boot.gem5.restore {
            c = c.line(["-r", &restore_index(n, config, paths)?.to_string()]);
        }
        Ok(c.line(&boot.extra_emulator_args))
    }

    /// fs.py with the image as the bare-metal workload: gem5 starts the CPU
    /// at its entry point, in the ISA of the ELF, on the same board.
    fn baremetal(
        &self,
        boot: &Boot,
        image: &std::path::Path,
        config: &Config,
        paths: &Paths,
    ) -> Result<Cmd> {
        let m = board(config.arch);
        let mut c = gem5_head(boot, paths).arg(p(&paths.gem5_fs_file));
        c = board_args(c, boot, m, image).arg("--bare-metal");
        c = cpu_args(c, boot, m);
        c = listener_args(c, boot);
        Ok(c.line(&boot.extra_emulator_args))
    }

    /// se.py runs the program, with the sysroot's libraries redirected in
    /// for dynamic executables.
    fn userland(&self, program: &Program, _config: &Config, paths: &Paths) -> Result<Cmd> {
        let lib = paths.userland_library_dir.join("lib");
        let mut c = Cmd::new(p(&paths.gem5_executable))
            .env("M5_OVERRIDE_PY_SOURCE", "true")
            .line(["--outdir", &p(&paths.m5out_dir)])
            .arg(p(&paths.gem5_se_file));
        // se.py: `;` separates the programs, and each gets a CPU of its own
        // (its CPUs beyond the first program's run nothing).
        let exes: Vec<String> = std::iter::once(&program.exe)
            .chain(&program.others)
            .map(|e| p(e))
            .collect();
        c = c.line(["--cmd", &exes.join(";")]);
        if exes.len() > 1 {
            c = c.line(["--num-cpus", &exes.len().to_string()]);
        }
        if let Some(release) = &program.kernel_version {
            let cpus = if exes.len() > 1 { ":" } else { "0" };
            c = c.line([
                "--param",
                &format!("system.cpu[{cpus}].workload[:].release = \"{release}\""),
            ]);
        }
        if !program.args.is_empty() {
            // The first program's (se.py splits --options at `;`, one part
            // per program).
            let joined: Vec<String> = program.args.iter().map(|a| quote(a)).collect();
            c = c.line(["--options", &joined.join(" ")]);
        }
        Ok(c.line(["--redirects", &format!("/lib={}", p(&lib))])
            .line(["--interp-dir", &p(&paths.userland_library_dir)])
            .line(["--mem-size", "256MB"]))
    }

    /// The readfile: `--gem5-readfile`, or after a restore `--eval` (the
    /// kernel's command line was read at the boot that took the checkpoint).
    fn files(&self, boot: &Boot, paths: &Paths) -> Vec<(PathBuf, String)> {
        let text = match (&boot.gem5.readfile, &boot.guest.eval, boot.gem5.restore) {
            (Some(t), _, _) => t.clone(),
            (None, Some(e), Some(_)) => e.clone(),
            _ => String::new(),
        };
        vec![(paths.gem5_readfile_file.clone(), text)]
    }

    fn ready(&self, paths: &Paths) -> Result<()> {
        if paths.gem5_executable.is_file() {
            return Ok(());
        }
        let isa = paths
            .gem5_variant_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let others: Vec<String> = std::fs::read_dir(&paths.gem5_build_dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                e.path()
                    .join(paths.gem5_executable.file_name().unwrap_or_default())
                    .is_file()
            })
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        if !others.is_empty() {
            return Err(UsageError::new(format!(
                "{} holds a gem5 for {}, not for {isa}, which {} guests need ({} is missing).\n\
                 Build gem5 for {isa} there (scons {}), or leave --gem5-build-dir out: \
                 lkmc build --arch {} gem5",
                paths.gem5_build_dir.display(),
                others.join(", "),
                paths.arch,
                paths.gem5_executable.display(),
                paths.gem5_executable.display(),
                paths.arch
            ))
            .into());
        }
        if paths.arch == "x86_64" {
            return Err(UsageError::new(format!(
                "no X86 gem5 is built ({} is missing): lkmc builds gem5 for arm and aarch64 \
                 guests only.\nBuild one yourself in gem5's tree (scons build/X86/gem5.opt) and \
                 give its build dir: lkmc run --arch x86_64 --emulator gem5 --gem5-build-dir DIR",
                paths.gem5_executable.display()
            ))
            .into());
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

    /// gem5 says on its stderr where its terminal listens (the port asked
    /// for, or the next free one).
    fn console_port(&self, line: &str) -> Option<u16> {
        let (object, port) = line
            .trim_end()
            .split_once(": Listening for connections on port ")?;
        crate::facts::machine::GEM5
            .iter()
            .any(|m| m.console_object == Some(object))
            .then(|| port.parse().ok())
            .flatten()
    }

    /// `system.remote_gdb: Listening for connections on port 7001`.
    fn gdb_port(&self, line: &str) -> Option<u16> {
        let (object, port) = line
            .trim_end()
            .split_once(": Listening for connections on port ")?;
        object
            .ends_with("remote_gdb")
            .then(|| port.parse().ok())
            .flatten()
    }

    /// How gem5 says the simulation ended: `m5 fail N`, the tick limit, the
    /// guest's panic, its own crash.
    fn ended(&self, output: &str) -> EmulatorEnd {
        let backtrace = output
            .lines()
            .position(|l| l.trim_end() == "--- BEGIN LIBC BACKTRACE ---");
        if let Some(i) = backtrace {
            let start = i.saturating_sub(5);
            let lines: Vec<&str> = output.lines().skip(start).take(6).collect();
            return EmulatorEnd::Failed(format!("gem5 crashed:\n  {}", lines.join("\n  ")));
        }
        let exiting = output
            .lines()
            .rev()
            .find(|l| l.starts_with("Exiting @ tick "));
        if let Some(l) = exiting
            && l.contains("because Kernel panic in simulated kernel")
        {
            // Followed by "exit code is 1", which is gem5's, not the guest's.
            return EmulatorEnd::GuestPanic(l.trim_end().to_string());
        }
        for l in output.lines().rev() {
            if let Some(n) = l
                .trim_end()
                .strip_prefix("Simulated exit code not 0! Exit code is ")
                && let Ok(n) = n.parse()
            {
                return EmulatorEnd::Status(n);
            }
            if l.starts_with("Exiting @ tick ") {
                if l.contains("because simulate() limit reached") {
                    return EmulatorEnd::Failed(format!(
                        "gem5 stopped at its tick limit, not by the guest: {}",
                        l.trim_end()
                    ));
                }
                return EmulatorEnd::Normal;
            }
        }
        EmulatorEnd::Normal
    }
}

/// What a gem5 baremetal run cannot do: the image has no kernel to restore
/// or to read a readfile.
fn check_baremetal(boot: &Boot, config: &Config) -> Result<()> {
    if config.arch == Arch::X86_64 {
        return Err(UsageError::new(
            "lkmc has no baremetal runtime for x86_64 (baremetal images are for arm and aarch64)",
        )
        .into());
    }
    check_caches(boot, config)?;
    let g = &boot.gem5;
    if !boot.program_args.is_empty() {
        return Err(UsageError::new(format!(
            "--cli-args with --baremetal --emulator gem5: the arguments reach an image through \
             a blob the emulator loads into its RAM, and lkmc has no way to make fs.py load \
             one.\nRun the image with arguments on QEMU: lkmc run --arch {} --baremetal PATH \
             --cli-args ARGS",
            config.arch
        ))
        .into());
    }
    let refused = [
        (g.restore.is_some(), "--gem5-restore"),
        (g.readfile.is_some(), "--gem5-readfile"),
    ];
    match refused.iter().find(|(set, _)| *set) {
        Some((_, option)) => Err(UsageError::new(format!(
            "{option} with --baremetal is not implemented yet: lkmc's baremetal runtime takes \
             no checkpoints and reads no readfile.\nUse it with a Linux boot: lkmc run --arch \
             {} --emulator gem5 {option} ...",
            config.arch
        ))
        .into()),
        None => Ok(()),
    }
}

/// Minor and O3 model memory through caches; gem5 refuses them without.
fn check_caches(boot: &Boot, config: &Config) -> Result<()> {
    let g5 = &boot.gem5;
    if matches!(g5.cpu_type, CpuType::Minor | CpuType::O3) && !g5.caches {
        return Err(UsageError::new(format!(
            "--cpu-type {} models memory through caches, and gem5 refuses it without them.\n\
             Add --caches: lkmc run --arch {} --emulator gem5 --cpu-type {} --caches",
            cpu_name(g5.cpu_type),
            config.arch,
            cpu_name(g5.cpu_type)
        ))
        .into());
    }
    Ok(())
}

/// What a gem5 boot cannot do, refused before anything is built.
fn check_linux(boot: &Boot, config: &Config) -> Result<()> {
    let arch = config.arch;
    let in_qemu = |option: &str| format!("Run it in QEMU: lkmc run --arch {arch} {option}");
    // (set, what, why, the fix)
    let refused = [
        (
            boot.kgdb,
            "--kgdb",
            "gem5's board has no second UART for KGDB in lkmc",
            format!(
                "Use gem5's own GDB stub: lkmc run --arch {arch} --emulator gem5 --gdb-wait, then \
             lkmc gdb --arch {arch} --emulator gem5"
            ),
        ),
        (
            boot.kdb,
            "--kdb",
            "lkmc's gem5 boots have no KDB console setup yet",
            in_qemu("--kdb"),
        ),
        (
            boot.graphic,
            "--graphic",
            "lkmc's gem5 boots have no display",
            in_qemu("--graphic"),
        ),
        (
            boot.vnc,
            "--vnc",
            "lkmc's gem5 boots have no display",
            in_qemu("--vnc"),
        ),
        (
            boot.ctrl_c_host,
            "--ctrl-c-host",
            "Ctrl-C goes to the guest on gem5's terminal",
            "Stop gem5 with Ctrl-A X instead".to_string(),
        ),
        (
            matches!(boot.root, Root::Initrd),
            "--initrd",
            "fs.py boots from the disk image",
            in_qemu("--initrd"),
        ),
        (
            matches!(boot.root, Root::Initramfs),
            "--initramfs",
            "fs.py boots from the disk image",
            in_qemu("--initramfs"),
        ),
        (
            matches!(boot.root, Root::Disk { persist: true }),
            "--disk-persist",
            "fs.py puts the guest's disk writes in a copy-on-write layer in memory, never in \
             the image",
            in_qemu("--disk-persist"),
        ),
    ];
    if let Some((_, option, why, fix)) = refused.iter().find(|(set, ..)| *set) {
        return Err(
            UsageError::new(format!("{option} with --emulator gem5: {why}.\n{fix}")).into(),
        );
    }
    check_caches(boot, config)?;
    if boot.gem5.restore.is_some() {
        let g = &boot.guest;
        let fixed = [
            (g.eval_after.is_some(), "--eval-after"),
            (g.kernel_cli.is_some(), "--kernel-cli"),
            (g.kernel_cli_after_dash.is_some(), "--kernel-cli-after-dash"),
            (g.quit_after_boot, "--quit-after-boot"),
            (
                g.eval.is_some() && boot.gem5.readfile.is_some(),
                "--eval with --gem5-readfile",
            ),
        ];
        if let Some((_, option)) = fixed.iter().find(|(set, _)| *set) {
            return Err(UsageError::new(format!(
                "{option} with --gem5-restore: the restored guest booted already, with the \
                 command line of the run that took the checkpoint.\nGive the restored guest a \
                 command through its readfile instead: --gem5-readfile CMD (or --eval CMD), \
                 which /lkmc/gem5.sh runs after the checkpoint"
            ))
            .into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_gem5_syntax() {
        assert_eq!(gem5_size("256M"), "256MB");
        assert_eq!(gem5_size("2g"), "2GB");
        assert_eq!(gem5_size("512"), "512MB");
    }

    #[test]
    fn cpu_classes() {
        let m = board(Arch::Aarch64);
        assert_eq!(cpu_class(m, CpuType::O3), "ArmO3CPU");
        assert_eq!(
            cpu_class(board(Arch::X86_64), CpuType::Atomic),
            "X86AtomicSimpleCPU"
        );
    }

    #[test]
    fn how_gem5_ended() {
        let g = Gem5;
        assert_eq!(
            g.ended("x\nExiting @ tick 123 because m5_exit instruction encountered\n"),
            EmulatorEnd::Normal
        );
        assert_eq!(
            g.ended(
                "Exiting @ tick 5 because m5_fail instruction encountered\n\
                 Simulated exit code not 0! Exit code is 3\n"
            ),
            EmulatorEnd::Status(3)
        );
        assert_eq!(
            g.ended(
                "Exiting @ tick 7 because Kernel panic in simulated kernel\n\
                 Simulated exit code not 0! Exit code is 1\n"
            ),
            EmulatorEnd::GuestPanic(
                "Exiting @ tick 7 because Kernel panic in simulated kernel".into()
            )
        );
        assert!(matches!(
            g.ended("Exiting @ tick 9 because simulate() limit reached\n"),
            EmulatorEnd::Failed(_)
        ));
        assert!(matches!(
            g.ended("panic: oops\n--- BEGIN LIBC BACKTRACE ---\n./gem5.opt(+0x1)\n"),
            EmulatorEnd::Failed(_)
        ));
        assert_eq!(
            g.console_port("system.terminal: Listening for connections on port 3460\n"),
            Some(3460)
        );
        assert_eq!(
            g.console_port("system.remote_gdb: Listening for connections on port 7000"),
            None
        );
    }
}
