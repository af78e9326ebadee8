//! Resolved options of `lkmc run` and `lkmc gdb`: what the raw clap structs
//! (`RunArgs`, `GdbArgs`) mean, worked out once.
//!
//! The emulators and GDB take these types, never the clap structs, so that
//! internal callers (tests, `lkmc test`) start from `Default` instead of
//! inventing command line values. Resolving only reinterprets and splits
//! words: it starts nothing and reads no file. `Boot::default()` uses the
//! same constants as clap's defaults (in cli.rs), and a test keeps it equal
//! to a bare `lkmc run`.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use crate::cli::{CpuType, DEFAULT_CPUS, DEFAULT_MEMORY, GdbArgs, RunArgs};
use crate::error::UsageError;

/// Where a Linux boot's root filesystem comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    /// The disk image; `persist` keeps the guest's writes.
    Disk { persist: bool },
    /// The cpio, handed over as an initrd.
    Initrd,
    /// The initramfs built into the kernel image.
    Initramfs,
}

/// Deterministic record/replay of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordReplay {
    Record,
    Replay,
}

impl RecordReplay {
    /// QEMU's name for the mode (`rr=`).
    pub fn name(self) -> &'static str {
        match self {
            RecordReplay::Record => "record",
            RecordReplay::Replay => "replay",
        }
    }
}

/// What the guest's kernel and init are told on the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GuestCli {
    /// Extra kernel words, before ` - `.
    pub kernel_cli: Option<String>,
    /// Extra words after ` - `: init's environment.
    pub kernel_cli_after_dash: Option<String>,
    /// Shell command run as the guest's job, then power off.
    pub eval: Option<String>,
    /// Shell command run once booted, before the shell.
    pub eval_after: Option<String>,
    /// Power off as soon as init starts.
    pub quit_after_boot: bool,
    /// An oops panics the guest.
    pub oops_panic: bool,
}

/// What a gem5 boot is told beyond what every emulator is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gem5Boot {
    /// The CPU model (after a restore: the one switched to).
    pub cpu_type: CpuType,
    /// Whether `--cpu-type` was given (QEMU refuses it).
    pub cpu_type_given: bool,
    pub caches: bool,
    /// gem5's own options, before the config script.
    pub exe_args: Vec<String>,
    /// The N-th most recent checkpoint to start from.
    pub restore: Option<u32>,
    /// What `m5 readfile` gives the guest.
    pub readfile: Option<String>,
    /// Debug output on the terminal.
    pub trace_stdout: bool,
}

impl Gem5Boot {
    /// The gem5-only options given, as typed (QEMU refuses them).
    pub fn given(&self) -> Vec<&'static str> {
        let given = [
            (self.cpu_type_given, "--cpu-type"),
            (self.caches, "--caches"),
            (!self.exe_args.is_empty(), "--gem5-exe-args"),
            (self.restore.is_some(), "--gem5-restore"),
            (self.readfile.is_some(), "--gem5-readfile"),
            (self.trace_stdout, "--trace-stdout"),
        ];
        given.iter().filter(|(g, _)| *g).map(|(_, o)| *o).collect()
    }
}

/// One boot of an emulated machine: Linux, or a baremetal image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Boot {
    pub cpus: u32,
    /// RAM, in QEMU's syntax.
    pub memory: String,
    pub kvm: bool,
    /// Stop at the first instruction until GDB attaches.
    pub gdb_wait: bool,
    /// Wait for KGDB on the second serial port.
    pub kgdb: bool,
    /// Drop into KDB on the console.
    pub kdb: bool,
    /// A graphic window instead of the serial console only.
    pub graphic: bool,
    /// A VNC server on :0.
    pub vnc: bool,
    /// The console to the run dir's background.log, stdin closed.
    pub background: bool,
    /// Ctrl-C stops the emulator rather than reaching the guest.
    pub ctrl_c_host: bool,
    pub root: Root,
    pub record_replay: Option<RecordReplay>,
    /// QEMU trace events.
    pub trace: Option<String>,
    /// Print every translated block.
    pub trace_insts_stdout: bool,
    /// Stop the emulator after this long, and fail.
    pub timeout: Option<Duration>,
    /// Echo the emulator's output to the terminal (it always goes to
    /// termout.txt).
    pub show_stdout: bool,
    /// A device tree blob instead of the board's (QEMU -dtb).
    pub dtb: Option<PathBuf>,
    /// A board instead of the arch's (QEMU -machine).
    pub machine: Option<String>,
    /// A kernel of the user's instead of lkmc's build (absolute).
    pub linux_exec: Option<PathBuf>,
    /// A root filesystem image of the user's instead of lkmc's (absolute);
    /// never written to.
    pub disk_image: Option<PathBuf>,
    /// A baremetal image's arguments (`--cli-args`), after its argv[0].
    pub program_args: Vec<String>,
    pub guest: GuestCli,
    pub gem5: Gem5Boot,
    /// Appended to the emulator's command line as they are.
    pub extra_emulator_args: Vec<String>,
}

impl Default for Boot {
    fn default() -> Self {
        Boot {
            cpus: DEFAULT_CPUS,
            memory: DEFAULT_MEMORY.to_string(),
            kvm: false,
            gdb_wait: false,
            kgdb: false,
            kdb: false,
            graphic: false,
            vnc: false,
            background: false,
            ctrl_c_host: false,
            root: Root::Disk { persist: false },
            record_replay: None,
            trace: None,
            trace_insts_stdout: false,
            timeout: None,
            show_stdout: true,
            dtb: None,
            machine: None,
            linux_exec: None,
            disk_image: None,
            program_args: vec![],
            guest: GuestCli::default(),
            gem5: Gem5Boot::default(),
            extra_emulator_args: vec![],
        }
    }
}

impl From<&RunArgs> for Boot {
    fn from(a: &RunArgs) -> Self {
        Boot {
            cpus: a.cpus,
            memory: a.memory.clone(),
            kvm: a.kvm,
            gdb_wait: a.gdb_wait || a.gdb,
            kgdb: a.kgdb,
            kdb: a.kdb,
            graphic: a.graphic,
            vnc: a.vnc,
            background: a.background,
            ctrl_c_host: a.ctrl_c_host,
            root: if a.initrd {
                Root::Initrd
            } else if a.initramfs {
                Root::Initramfs
            } else {
                Root::Disk {
                    persist: a.disk_persist,
                }
            },
            record_replay: if a.record {
                Some(RecordReplay::Record)
            } else if a.replay {
                Some(RecordReplay::Replay)
            } else {
                None
            },
            trace: a.trace.clone(),
            trace_insts_stdout: a.trace_insts_stdout,
            timeout: a.timeout.map(Duration::from_secs),
            show_stdout: !a.no_show_stdout,
            dtb: a.dtb.as_ref().map(std::path::absolute).and_then(Result::ok),
            machine: a.machine.clone(),
            linux_exec: a
                .linux_exec
                .as_ref()
                .map(std::path::absolute)
                .and_then(Result::ok),
            disk_image: a
                .disk_image
                .as_ref()
                .map(std::path::absolute)
                .and_then(Result::ok),
            // Run::new sets them for a baremetal image.
            program_args: vec![],
            guest: GuestCli {
                kernel_cli: a.kernel_cli.clone(),
                kernel_cli_after_dash: a.kernel_cli_after_dash.clone(),
                eval: a.eval.clone(),
                eval_after: a.eval_after.clone(),
                quit_after_boot: a.quit_after_boot,
                oops_panic: a.oops_panic,
            },
            gem5: Gem5Boot {
                cpu_type: a.gem5.cpu_type.unwrap_or_default(),
                cpu_type_given: a.gem5.cpu_type.is_some(),
                caches: a.gem5.caches,
                // Checked to split in Run::new.
                exe_args: a
                    .gem5
                    .gem5_exe_args
                    .as_deref()
                    .and_then(shlex::split)
                    .unwrap_or_default(),
                restore: a.gem5.gem5_restore,
                readfile: a.gem5.gem5_readfile.clone(),
                trace_stdout: a.gem5.trace_stdout,
            },
            extra_emulator_args: a.extra_emulator_args.clone(),
        }
    }
}

/// What `lkmc run` runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// Boot Linux.
    Linux,
    /// Userland programs (sources are built first): one, or several side
    /// by side (gem5), with the first one's arguments, the file its stdin
    /// reads and the kernel release they see.
    Userland {
        paths: Vec<PathBuf>,
        args: Vec<String>,
        stdin: Option<PathBuf>,
        kernel_version: Option<String>,
    },
    /// One baremetal image (a source is built first), with its arguments.
    Baremetal { path: PathBuf, args: Vec<String> },
}

/// `lkmc run`, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub what: What,
    pub boot: Boot,
    /// Build what the run needs first.
    pub build: bool,
    /// Open `lkmc gdb` in a tmux split, with these arguments instead of the
    /// default breakpoint.
    pub gdb_split: Option<Option<Vec<String>>>,
    /// GDB on the emulator process itself (`--debug-vm`).
    pub debug_vm: Option<DebugVm>,
}

/// `--debug-vm`: the emulator started under the host's GDB.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DebugVm {
    /// GDB commands, one `-ex` each (empty: [`DebugVm::DEFAULT_EX`]).
    pub ex: Vec<String>,
    /// More GDB arguments.
    pub args: Vec<String>,
    /// A script GDB sources.
    pub file: Option<PathBuf>,
}

impl DebugVm {
    /// Without --debug-vm-ex: stop where QEMU translates a block of guest
    /// code (accel/tcg), the heart of its TCG, and start it.
    pub const DEFAULT_EX: &[&str] = &["break tb_gen_code", "run"];

    /// `cmd` run under GDB: `gdb -q -ex ... --args PROGRAM ARGS...`, with
    /// the same environment, directory and stdin.
    pub fn wrap(&self, cmd: &crate::cmd::Cmd) -> crate::cmd::Cmd {
        let mut g = crate::cmd::Cmd::new("gdb").arg("-q");
        if let Some(f) = &self.file {
            g = g.line(["-ex".to_string(), format!("source {}", f.display())]);
        }
        let ex: Vec<String> = if self.ex.is_empty() {
            Self::DEFAULT_EX.iter().map(|s| s.to_string()).collect()
        } else {
            self.ex.clone()
        };
        for e in ex {
            g = g.line(["-ex".to_string(), e]);
        }
        if !self.args.is_empty() {
            g = g.line(&self.args);
        }
        g = g.line(["--args", &cmd.program]);
        g.lines.extend(cmd.lines.iter().cloned());
        g.env = cmd.env.clone();
        g.cwd = cmd.cwd.clone();
        g.stdin = cmd.stdin.clone();
        g
    }
}

impl DebugVm {
    /// `--debug-vm` and its forms, resolved (None: not asked for).
    fn from_args(a: &RunArgs) -> Result<Option<DebugVm>> {
        if !(a.debug_vm
            || a.debug_vm_ex.is_some()
            || a.debug_vm_args.is_some()
            || a.debug_vm_file.is_some())
        {
            return Ok(None);
        }
        let args = match &a.debug_vm_args {
            Some(s) => shlex::split(s).ok_or_else(|| {
                UsageError::new(format!("--debug-vm-args {s:?}: unbalanced quotes"))
            })?,
            None => vec![],
        };
        let ex = a
            .debug_vm_ex
            .iter()
            .flat_map(|s| s.split(';'))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        Ok(Some(DebugVm {
            ex,
            args,
            file: a
                .debug_vm_file
                .as_ref()
                .map(std::path::absolute)
                .transpose()?,
        }))
    }
}

impl Run {
    /// Resolve `lkmc run`'s arguments; fails on words that do not split.
    pub fn new(a: &RunArgs) -> Result<Run> {
        refuse_linux_only_options(a)?;
        if let Some(s) = &a.gem5.gem5_exe_args
            && shlex::split(s).is_none()
        {
            return Err(
                UsageError::new(format!("--gem5-exe-args {s:?}: unbalanced quotes")).into(),
            );
        }
        let args = match &a.cli_args {
            Some(s) => shlex::split(s)
                .ok_or_else(|| UsageError::new(format!("--cli-args {s:?}: unbalanced quotes")))?,
            None => vec![],
        };
        if a.disk_image.is_some() && a.disk_persist {
            return Err(UsageError::new(
                "--disk-persist writes the guest's changes into the disk image, and lkmc never \
                 writes to an image it did not build (--disk-image); the guest's writes to \
                 yours go to a snapshot. To keep them, boot a copy of your own with QEMU, or \
                 put your files into lkmc's image (rootfs_overlay/, lkmc build rootfs) and \
                 use --disk-persist without --disk-image",
            )
            .into());
        }
        let what = if !a.userland.is_empty() {
            What::Userland {
                paths: a.userland.clone(),
                args,
                stdin: a.stdin_file.as_ref().map(std::path::absolute).transpose()?,
                kernel_version: a.kernel_version.clone(),
            }
        } else if let Some(path) = &a.baremetal {
            What::Baremetal {
                path: path.clone(),
                args,
            }
        } else {
            if a.cli_args.is_some() {
                return Err(UsageError::new(
                    "--cli-args are the arguments of a --userland program or a --baremetal \
                     image, and this run boots Linux; give the guest a command with --eval \
                     or --eval-after, the kernel words with --kernel-cli",
                )
                .into());
            }
            What::Linux
        };
        let mut boot = Boot::from(a);
        if let What::Baremetal { args, .. } = &what {
            boot.program_args = args.clone();
        }
        Ok(Run {
            what,
            debug_vm: DebugVm::from_args(a)?,
            boot,
            build: a.build,
            gdb_split: a.gdb.then(|| {
                a.tmux_args
                    .as_ref()
                    .map(|s| shlex::split(s).unwrap_or_default())
            }),
        })
    }
}

/// Options that only a Linux boot has, refused with `--userland` and
/// `--baremetal` (they would be silently ignored there).
fn refuse_linux_only_options(a: &RunArgs) -> Result<()> {
    let mode = match (a.userland.is_empty(), &a.baremetal) {
        (false, _) => "--userland",
        (_, Some(_)) => "--baremetal",
        _ => return Ok(()),
    };
    let user_mode = !a.userland.is_empty();
    let linux_only = [
        (a.kernel_cli.is_some(), "--kernel-cli"),
        (a.kernel_cli_after_dash.is_some(), "--kernel-cli-after-dash"),
        (a.eval.is_some(), "--eval"),
        (a.eval_after.is_some(), "--eval-after"),
        (a.quit_after_boot, "--quit-after-boot"),
        (a.oops_panic, "--oops-panic"),
        (a.kgdb, "--kgdb"),
        (a.kdb, "--kdb"),
        (a.initrd, "--initrd"),
        (a.initramfs, "--initramfs"),
        (a.record, "--record"),
        (a.replay, "--replay"),
        (a.disk_persist, "--disk-persist"),
        (a.background, "--background"),
        (a.graphic, "--graphic"),
        (a.vnc, "--vnc"),
        (a.ctrl_c_host, "--ctrl-c-host"),
        (a.kvm, "--kvm"),
        (a.dtb.is_some(), "--dtb"),
        (a.linux_exec.is_some(), "--linux-exec"),
        (a.disk_image.is_some(), "--disk-image"),
        (user_mode && a.machine.is_some(), "--machine"),
        // QEMU user mode has no machine to size.
        (user_mode && a.cpus != DEFAULT_CPUS, "--cpus"),
        (user_mode && a.memory != DEFAULT_MEMORY, "--memory"),
    ];
    match linux_only.iter().find(|(set, _)| *set) {
        Some((_, option)) => Err(UsageError::new(format!(
            "{option} is for Linux boots, and {mode} runs a program without booting Linux; \
             leave out {option}, or boot with lkmc run {option} ..."
        ))
        .into()),
        None => Ok(()),
    }
}

/// One GDB session's options, whatever it debugs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GdbSession {
    /// Where to break.
    pub break_at: Option<String>,
    /// Stay at the first instruction.
    pub no_continue: bool,
    /// Do not load module symbols with lx-symbols.
    pub no_lxsymbols: bool,
    /// GDB arguments before lkmc's own.
    pub before: Vec<String>,
    /// GDB arguments after lkmc's own.
    pub extra: Vec<String>,
}

impl From<&GdbArgs> for GdbSession {
    fn from(a: &GdbArgs) -> Self {
        GdbSession {
            break_at: a.break_at.clone(),
            no_continue: a.no_continue,
            no_lxsymbols: a.no_lxsymbols,
            // Unbalanced quotes give no words, as they always did.
            before: a
                .before
                .as_deref()
                .map(|b| shlex::split(b).unwrap_or_default())
                .unwrap_or_default(),
            extra: a.extra_gdb_args.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(argv: &[&str]) -> RunArgs {
        use clap::Parser;
        let argv = ["lkmc", "run"].iter().chain(argv);
        match crate::cli::Cli::parse_from(argv).command {
            crate::cli::Command::Run(a) => *a,
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_bare_lkmc_run_is_the_default_boot() {
        assert_eq!(Boot::from(&run_args(&[])), Boot::default());
        assert_eq!(Run::new(&run_args(&[])).unwrap().what, What::Linux);
    }

    #[test]
    fn gdb_implies_waiting_and_a_split() {
        let r = Run::new(&run_args(&["--gdb", "--tmux-args", "do_sys_open 'a b'"])).unwrap();
        assert!(r.boot.gdb_wait);
        assert_eq!(
            r.gdb_split,
            Some(Some(vec!["do_sys_open".into(), "a b".into()]))
        );
    }

    #[test]
    fn unbalanced_cli_args_are_refused() {
        let e = Run::new(&run_args(&["-u", "x.c", "--cli-args", "'a"])).unwrap_err();
        assert!(e.to_string().contains("unbalanced quotes"), "{e}");
    }
}
