//! `lkmc gdb`: attach GDB to the emulator of the same arch and run id.
//!
//! For a kernel, GDB starts in the kernel build dir with `vmlinux` and the
//! kernel's own GDB scripts (`lx-symbols`, `lx-dmesg`, ...; auto-loaded from
//! `vmlinux-gdb.py`), connects to the run's GDB port, sets the breakpoint and
//! continues. `lx-symbols` is pointed at our module build dir, so
//! breakpoints in modules loaded later work. For `--userland PATH` it loads
//! the program and connects to QEMU user mode's stub instead; for
//! `--baremetal PATH`, the image and full-system QEMU's stub.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::GdbArgs;
use crate::cmd::{Cmd, p, script};
use crate::config::Config;
use crate::error::UsageError;
use crate::options::GdbSession;
use crate::paths::Paths;
use crate::plan::{Executor, write_file};
use crate::process::Finished;

/// What GDB debugs.
pub enum Target<'a> {
    /// The kernel, through the emulator's stub.
    Kernel,
    /// The kernel through KGDB on the second serial port.
    Kgdb,
    /// A userland program in QEMU user mode.
    Userland(&'a Path),
    /// A baremetal image in full-system QEMU.
    Baremetal(&'a Path),
    /// A userland program under gdbserver in the full-system guest, reached
    /// through the run's forwarded port (rootfs_overlay/lkmc/gdbserver.sh).
    Gdbserver(&'a Path),
}

impl GdbSession {
    /// The GDB command line for `target`; `batch` runs it without a
    /// terminal (tests).
    pub fn cmd(&self, target: &Target, paths: &Paths, batch: bool) -> Cmd {
        let mut c = Cmd::new(p(&paths.gdb));
        if batch {
            c = c.line(["-q", "-nx", "-batch"]);
        }
        c = c.line(&self.before);
        let ex = |c: Cmd, s: String| c.line(["-ex".to_string(), s]);
        let kernel = matches!(target, Target::Kernel | Target::Kgdb);
        if kernel {
            c = ex(
                c,
                format!("add-auto-load-safe-path {}", p(&paths.linux_build_dir)),
            );
            // Breakpoints in modules not loaded yet wait for lx-symbols to load them.
            c = ex(c, "set breakpoint pending on".into());
            c = c.cwd(&paths.linux_build_dir);
        }
        if matches!(target, Target::Gdbserver(_)) {
            // The guest's libraries are the sysroot's: read them locally rather
            // than through the remote protocol.
            c = ex(c, format!("set sysroot {}", p(&paths.userland_library_dir)));
        }
        c = ex(c, format!("file {}", p(&target.file(paths))));
        if matches!(target, Target::Kgdb) {
            c = ex(c, "set serial baud 115200".into());
        }
        c = ex(c, format!("target remote localhost:{}", target.port(paths)));
        if let Some(b) = &self.break_at {
            c = ex(c, format!("break {b}"));
        }
        if !self.no_continue {
            c = ex(c, "continue".into());
        }
        // The distro's kernel comes without the kernel's GDB scripts
        // (CONFIG_GDB_SCRIPTS), so there is no lx-symbols to run.
        let has_scripts = paths.linux_which != "distro";
        if kernel && has_scripts && !self.no_lxsymbols && !batch {
            // Runs when GDB next stops: from then on, module symbols follow insmod.
            c = ex(
                c,
                format!("lx-symbols {}", p(&paths.kernel_modules_build_dir)),
            );
        }
        c.args(&self.extra)
    }
}

impl Target<'_> {
    /// The ELF GDB loads symbols from.
    fn file(&self, paths: &Paths) -> PathBuf {
        match self {
            Target::Kernel | Target::Kgdb => paths.vmlinux.clone(),
            Target::Userland(exe) | Target::Baremetal(exe) | Target::Gdbserver(exe) => {
                exe.to_path_buf()
            }
        }
    }

    /// The port GDB connects to: the emulator's stub, the KGDB serial
    /// port or gdbserver's forwarded port of the run.
    pub fn port(&self, paths: &Paths) -> u16 {
        match self {
            Target::Kgdb => paths.extra_serial_port,
            Target::Gdbserver(_) => paths.hostfwd_generic_port,
            // Where gem5 said it listens, while its run goes on.
            _ => std::fs::read_to_string(&paths.gdb_port_file)
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(paths.gdb_port),
        }
    }
}

/// Whether a TCP socket listens on `port`. Read from /proc/net rather than
/// by connecting: QEMU user mode's GDB stub takes a single connection, and a
/// probe would use it up.
pub fn listening(port: u16) -> bool {
    let want = format!(":{port:04X}");
    ["/proc/net/tcp", "/proc/net/tcp6"].iter().any(|f| {
        std::fs::read_to_string(f)
            .unwrap_or_default()
            .lines()
            .skip(1)
            .any(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                // local_address is column 1, st (state) column 3; 0A is LISTEN.
                cols.len() > 3 && cols[1].ends_with(&want) && cols[3] == "0A"
            })
    })
}

/// `lkmc gdb`.
pub fn main(args: &GdbArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    let config = &configs[0];
    // As `lkmc run --kgdb` refuses it: nothing would ever listen.
    if args.kgdb
        && crate::facts::machine(config.arch, config.emulator)
            .extra_console
            .is_none()
    {
        let a = config.arch;
        return Err(UsageError::new(format!(
            "--kgdb is set up on {}'s x86_64 board only (its ttyS1), so `lkmc run --kgdb` \
             refuses it for {a}.\n\
             Use the emulator's own GDB stub instead: lkmc run --arch {a} --gdb-wait, then \
             lkmc gdb --arch {a}",
            config.emulator
        ))
        .into());
    }
    if config.emulator == crate::facts::Emulator::Native {
        return Err(UsageError::new(
            "lkmc gdb attaches to an emulator's GDB stub, and a native program runs without \
             one: nothing would listen on the port.\n\
             Debug it in QEMU user mode (lkmc run --userland PATH --gdb-wait, then \
             lkmc gdb --userland PATH), or run the host's gdb on it: gdb --args PROGRAM",
        )
        .into());
    }
    let paths = Paths::new(config);
    let exe;
    let target = if let Some(b) = &args.baremetal {
        exe = crate::build::baremetal::image_for(b, config, &paths, exec)?.0;
        Target::Baremetal(&exe)
    } else if let Some(u) = &args.userland {
        exe = crate::build::userland::executable(u, config, &paths, exec)?;
        if args.gdbserver {
            Target::Gdbserver(&exe)
        } else {
            Target::Userland(&exe)
        }
    } else if args.kgdb {
        Target::Kgdb
    } else {
        Target::Kernel
    };
    if !exec.dry_run {
        check_ready(&target, args, config, &paths)?;
    }
    // After the wait: the port is the one the run said, for gem5.
    let cmd = GdbSession::from(args).cmd(&target, &paths, false);
    if !exec.dry_run {
        write_file(&paths.run_gdb_cmd_file, &script(&cmd), true)?;
    }
    match exec.foreground(&cmd, None)? {
        None => Ok(ExitCode::SUCCESS),
        Some(Finished::Exited(code)) => Ok(ExitCode::from(code.clamp(0, 255) as u8)),
        Some(Finished::TimedOut) => unreachable!("GDB runs without a timeout"),
    }
}

/// Fail, naming what starts it, unless there is something to debug and
/// its stub listens.
fn check_ready(target: &Target, args: &GdbArgs, config: &Config, paths: &Paths) -> Result<()> {
    if matches!(target, Target::Kernel | Target::Kgdb) && !paths.vmlinux.is_file() {
        let how = match config.linux_which {
            crate::facts::provider::LinuxWhich::Lkmc => "",
            // Its vmlinux with symbols is in the -dbg package only.
            crate::facts::provider::LinuxWhich::Distro => {
                " --linux-which distro --linux-distro-dbg"
            }
        };
        return Err(UsageError::new(format!(
            "no kernel to debug: {} is missing.\nBuild it with: lkmc build --arch {}{how} linux",
            paths.vmlinux.display(),
            config.arch
        ))
        .into());
    }
    // A run of this id that is still starting (`lkmc run --gdb` opens GDB
    // beside it at once; gem5 takes seconds to listen) gets time to listen.
    if !listening(target.port(paths)) && crate::process::run_in_progress(paths) {
        crate::process::poll(std::time::Duration::from_secs(60), || {
            listening(target.port(paths))
        });
    }
    let port = target.port(paths);
    if !listening(port) {
        let (id, block) = match config.port_offset {
            Some(o) => (
                format!("--run-id {} --port-offset {o}", config.run_id),
                format!("--port-offset {o}"),
            ),
            None => (
                format!("--run-id {}", config.run_id),
                format!("run id {}", config.run_id),
            ),
        };
        let start = match target {
            Target::Userland(_) => format!(
                "lkmc run --arch {} {id} --userland {} --gdb-wait",
                config.arch,
                args.userland
                    .as_ref()
                    .map(|u| u.display().to_string())
                    .unwrap_or_default()
            ),
            Target::Baremetal(_) => format!(
                "lkmc run --arch {} {id} --baremetal {} --gdb-wait",
                config.arch,
                args.baremetal
                    .as_ref()
                    .map(|u| u.display().to_string())
                    .unwrap_or_default()
            ),
            Target::Gdbserver(exe) => format!(
                "lkmc run --arch {} {id} --eval-after '{} {}'\n\
                 (the program's path in the guest: under {}, or {} for a fresh build)",
                config.arch,
                crate::guest::gdbserver_script(),
                crate::guest::program_path(exe, paths),
                crate::guest::GUEST_HOME,
                crate::guest::fresh_home(),
            ),
            Target::Kgdb => format!("lkmc run --arch {} {id} --kgdb", config.arch),
            Target::Kernel => format!(
                "lkmc run --arch {} {id}{} --gdb-wait",
                config.arch,
                match config.emulator {
                    crate::facts::Emulator::Qemu => String::new(),
                    e => format!(" --emulator {e}"),
                }
            ),
        };
        return Err(UsageError::new(format!(
            "nothing listens on localhost:{port} (the GDB port of {block} for {}).\n\
             Start the emulator first, in another shell: {start}",
            config.arch
        ))
        .into());
    }
    Ok(())
}
