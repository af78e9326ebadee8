//! The one place where lkmc starts a child process.
//!
//! Owns how a `Cmd` becomes a running process: its stdin, where its output
//! goes (streamed to a callback, captured, written to a log, or left on the
//! terminal), children left running in the background, the timeout and the
//! kill that enforces it, and the error that a failed command turns into
//! ([`ProcessError`]: the rendered command and the tail of its log, printed
//! once, by `main`). Also owns the run id's lock, which
//! keeps two emulators from sharing ports. It decides nothing about what to
//! run, and prints nothing itself: callers show commands through
//! `Executor::show`.

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use nix::sys::signal::{Signal, kill, killpg};
use nix::unistd::Pid;

use crate::cmd::Cmd;
use crate::error::UsageError;

/// How a command that lkmc waited for ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Finished {
    /// Its exit status, or 128 + N for signal N (as shells report it).
    Exited(i32),
    /// lkmc killed it at its timeout.
    TimedOut,
}

/// How a child ended, in full.
#[derive(Clone, Copy, Debug)]
pub struct Ended {
    pub status: std::process::ExitStatus,
    /// lkmc killed it at its timeout.
    pub timed_out: bool,
}

impl Ended {
    /// Its exit code; None when a signal ended it.
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// The shell's view: a status, 128 + N for signal N, or the timeout.
    pub fn finished(&self) -> Finished {
        use std::os::unix::process::ExitStatusExt;
        if self.timed_out {
            return Finished::TimedOut;
        }
        Finished::Exited(
            self.status
                .code()
                .unwrap_or_else(|| 128 + self.status.signal().unwrap_or(0)),
        )
    }
}

/// A command that did not succeed: what ran, how it ended, and the end of
/// what it printed. `main` prints it, once.
#[derive(Debug)]
pub struct ProcessError {
    /// The command, in its copy-pasteable multi-line form.
    pub cmd: String,
    /// Its exit status (None: killed by a signal).
    pub status: Option<i32>,
    /// The log its output went to, with the lines this command added last.
    pub log: Option<(PathBuf, String)>,
}

impl ProcessError {
    /// The failure of `cmd`, with the tail of what it appended to `log`
    /// after byte `from`.
    pub fn new(cmd: &Cmd, status: Option<i32>, log: Option<(&Path, u64)>) -> ProcessError {
        ProcessError {
            cmd: cmd.render(false),
            status,
            log: log.map(|(path, from)| {
                let tail = tail_of(path, from, 40).unwrap_or_default();
                (path.to_path_buf(), tail)
            }),
        }
    }
}

impl fmt::Display for ProcessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.status.map_or("killed by a signal".to_string(), |c| {
            format!("exit status {c}")
        });
        write!(f, "command failed ({shown}):\n{}", self.cmd)?;
        if let Some((log, tail)) = &self.log {
            if !tail.is_empty() {
                write!(f, "\n--- last lines of {} ---\n{tail}", log.display())?;
            }
            write!(f, "\nfull log: {}", log.display())?;
        }
        Ok(())
    }
}

impl std::error::Error for ProcessError {}

/// The last `n` lines of `path`, from byte `from` on.
fn tail_of(path: &Path, from: u64, n: usize) -> Result<String> {
    let mut f = File::open(path)?;
    let mut bytes = Vec::new();
    std::io::Seek::seek(&mut f, std::io::SeekFrom::Start(from))?;
    f.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().collect();
    Ok(lines[lines.len().saturating_sub(n)..].join("\n"))
}

/// Where a child's stdin comes from when its `Cmd` names no file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The terminal (or whatever lkmc's stdin is).
    Inherit,
    /// Nothing: reads see end of file.
    Null,
}

/// How output is handed to [`stream`]'s callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// Whole lines (build logs, progress).
    Lines,
    /// As it arrives, so that a prompt without a newline shows at once.
    Chunks,
}

/// A started child and the watchdog that kills it at its timeout.
struct Running {
    child: Child,
    watchdog: Option<Watchdog>,
    /// Known to the interrupt thread until reaped.
    _registered: crate::interrupt::Registered,
}

/// Kills a child (or its process group) once its time is up, unless it
/// finished first.
struct Watchdog {
    /// Set when lkmc has reaped the child: its pid may then be reused, and
    /// must not be killed any more.
    state: Arc<Mutex<WatchState>>,
}

#[derive(Default)]
struct WatchState {
    reaped: bool,
    fired: bool,
}

impl Watchdog {
    fn start(pid: u32, group: bool, after: Duration) -> Watchdog {
        let state = Arc::new(Mutex::new(WatchState::default()));
        let s = state.clone();
        std::thread::spawn(move || {
            std::thread::sleep(after);
            let mut s = s.lock().unwrap();
            if !s.reaped {
                s.fired = true;
                kill_now(pid, group);
            }
        });
        Watchdog { state }
    }

    /// Mark the child reaped; whether the watchdog had killed it.
    fn finish(self) -> bool {
        let mut s = self.state.lock().unwrap();
        s.reaped = true;
        s.fired
    }
}

/// SIGKILL `pid`, or the process group it leads.
fn kill_now(pid: u32, group: bool) {
    let pid = Pid::from_raw(pid as i32);
    // The child may have exited on its own meanwhile: nothing to report.
    let _ = if group {
        killpg(pid, Signal::SIGKILL)
    } else {
        kill(pid, Signal::SIGKILL)
    };
}

/// Start `command`, built from a `Cmd`. A child that does not read the
/// terminal gets its own process group, so that a timeout, and a SIGTERM
/// or Ctrl-C that lkmc passes on, stop what it started too (a build's
/// sub-makes and compilers, QEMU under `sh`, git's helpers). One that
/// reads the terminal stays in lkmc's group, since a process outside the
/// terminal's foreground group is stopped by its first read; Ctrl-C
/// reaches it directly ([`background`] makes its own group instead).
fn start(
    command: &mut Command,
    program: &str,
    reads_terminal: bool,
    timeout: Option<Duration>,
) -> Result<Running> {
    use std::os::unix::process::CommandExt;
    let group = !reads_terminal;
    tracing::debug!(
        program,
        args = ?command.get_args().collect::<Vec<_>>(),
        ?timeout,
        own_process_group = group,
        "start"
    );
    if group {
        command.process_group(0);
    }
    let child = command.spawn().map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::NotFound {
            "\n(install it, e.g. with `lkmc build --download-dependencies`)"
        } else {
            ""
        };
        anyhow::anyhow!("could not start `{program}`: {e}{hint}")
    })?;
    let watchdog = timeout.map(|t| Watchdog::start(child.id(), group, t));
    let _registered = crate::interrupt::register(child.id(), group);
    Ok(Running {
        child,
        watchdog,
        _registered,
    })
}

impl Running {
    fn wait(mut self) -> Result<Ended> {
        let status = self.child.wait()?;
        let timed_out = self.watchdog.map(Watchdog::finish).unwrap_or(false);
        Ok(Ended { status, timed_out })
    }
}

/// The `std::process::Command` for `cmd`, with stdin from its file or `input`.
fn command(cmd: &Cmd, input: Input) -> Result<(Command, bool)> {
    let mut c = cmd.to_command();
    let reads_terminal = match (&cmd.stdin, input) {
        (Some(f), _) => {
            c.stdin(File::open(f).with_context(|| format!("opening {}", f.display()))?);
            false
        }
        (None, Input::Null) => {
            c.stdin(Stdio::null());
            false
        }
        (None, Input::Inherit) => true,
    };
    Ok((c, reads_terminal))
}

/// Run `cmd` with stdout and stderr, merged in order, handed to `sink` as
/// they arrive; kill it after `timeout`.
pub fn stream(
    cmd: &Cmd,
    input: Input,
    timeout: Option<Duration>,
    split: Split,
    mut sink: impl FnMut(&[u8]) -> Result<()>,
) -> Result<Ended> {
    let (mut c, reads_terminal) = command(cmd, input)?;
    let (reader, writer) = std::io::pipe()?;
    c.stdout(writer.try_clone()?).stderr(writer);
    let running = start(&mut c, &cmd.program, reads_terminal, timeout)?;
    // Without the parent's copies of the write end, the pipe ends when the
    // child (and whatever inherited its output) is gone.
    drop(c);
    let mut reader = BufReader::new(reader);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = match split {
            Split::Lines => reader.read_until(b'\n', &mut buf)?,
            Split::Chunks => {
                buf.resize(4096, 0);
                let n = reader.read(&mut buf)?;
                buf.truncate(n);
                n
            }
        };
        if n == 0 {
            break;
        }
        sink(&buf)?;
    }
    running.wait()
}

/// Run `cmd` on lkmc's own terminal (stdin from its file, if it has one);
/// kill it after `timeout`.
pub fn foreground(cmd: &Cmd, timeout: Option<Duration>) -> Result<Finished> {
    let (mut c, reads_terminal) = command(cmd, Input::Inherit)?;
    Ok(start(&mut c, &cmd.program, reads_terminal, timeout)?
        .wait()?
        .finished())
}

/// `cmd`'s stdout and stderr, captured, with stdin empty (or its file);
/// killed after `timeout`.
pub fn output(cmd: &Cmd, timeout: Option<Duration>) -> Result<Output> {
    let (mut c, _) = command(cmd, Input::Null)?;
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let running = start(&mut c, &cmd.program, false, timeout)?;
    let out = running.child.wait_with_output()?;
    if let Some(w) = running.watchdog {
        w.finish();
    }
    Ok(out)
}

/// Run `cmd` with stdin empty (or its file) and stdout and stderr, merged,
/// into the file `log`, or discarded with none; kill it after `timeout`.
/// For programs whose output is no part of what lkmc reports.
pub fn to_log(cmd: &Cmd, log: Option<&Path>, timeout: Option<Duration>) -> Result<Finished> {
    let (mut c, _) = command(cmd, Input::Null)?;
    match log {
        Some(path) => {
            let f = File::create(path).with_context(|| format!("creating {}", path.display()))?;
            c.stdout(f.try_clone()?).stderr(f);
        }
        None => {
            c.stdout(Stdio::null()).stderr(Stdio::null());
        }
    }
    Ok(start(&mut c, &cmd.program, false, timeout)?
        .wait()?
        .finished())
}

/// A child left running while lkmc does something else (a guest that GDB
/// attaches to), in a process group of its own, so that one kill stops it
/// and whatever it started. Its stdin is empty (or its file), its stdout
/// discarded, its stderr kept for [`Background::finish`].
pub struct Background {
    child: Child,
    _registered: crate::interrupt::Registered,
}

/// Start `cmd` in the background.
pub fn background(cmd: &Cmd) -> Result<Background> {
    use std::os::unix::process::CommandExt;
    let (mut c, _) = command(cmd, Input::Null)?;
    c.stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0);
    let Running { child, .. } = start(&mut c, &cmd.program, false, None)?;
    // It leads its own group: an interrupt stops all of it.
    let _registered = crate::interrupt::register(child.id(), true);
    Ok(Background { child, _registered })
}

impl Background {
    /// Whether it has exited (it is reaped then).
    pub fn exited(&mut self) -> bool {
        self.child.try_wait().ok().flatten().is_some()
    }

    /// SIGKILL its process group: it and everything it started, also when
    /// it exited already and left a child behind.
    pub fn kill(&self) {
        kill_now(self.child.id(), true);
    }

    /// Send `signal` to it alone, or to its whole group (as a terminal's
    /// Ctrl-C reaches every process of the foreground group).
    pub fn signal(&self, signal: Signal, group: bool) {
        let pid = Pid::from_raw(self.child.id() as i32);
        let _ = if group {
            killpg(pid, signal)
        } else {
            kill(pid, signal)
        };
    }

    /// Wait for it to end; its status and stderr.
    pub fn finish(self) -> Result<Output> {
        Ok(self.child.wait_with_output()?)
    }
}

/// Check `done` every 50 ms for up to `timeout`; whether it came true.
pub fn poll(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while !done() {
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

/// The trimmed stdout of a query such as `dpkg --print-architecture`, or
/// "" if it could not run.
pub fn read(cmd: &Cmd) -> String {
    output(cmd, None)
        .map(|o| String::from_utf8_lossy(&o.stdout).trim_end().to_string())
        .unwrap_or_default()
}

/// Holds the run id's lock while alive.
pub struct RunLock(#[allow(dead_code)] File);

/// Whether an `lkmc run` holds this run id's lock now (its emulator may
/// still be starting). Creates nothing.
pub fn run_in_progress(paths: &crate::paths::Paths) -> bool {
    File::options()
        .write(true)
        .open(&paths.run_lock_file)
        .is_ok_and(|f| matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock)))
}

/// Take the lock of a run id, so that no two runs share its ports and files.
pub fn lock_run_id(paths: &crate::paths::Paths, config: &crate::config::Config) -> Result<RunLock> {
    std::fs::create_dir_all(&paths.run_dir)
        .with_context(|| format!("creating {}", paths.run_dir.display()))?;
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&paths.run_lock_file)?;
    match f.try_lock() {
        Ok(()) => Ok(RunLock(f)),
        Err(std::fs::TryLockError::WouldBlock) => Err(UsageError::new(format!(
            "run id {} is busy: another lkmc run of {} holds {}.\n\
             Use another id, e.g. --run-id {}{}, so ports and files do not clash.",
            config.run_id,
            config.arch,
            paths.run_lock_file.display(),
            config.run_id + 1,
            match config.port_offset {
                Some(o) => format!(" --port-offset {}", o + 1),
                None => String::new(),
            }
        ))
        .into()),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Cmd {
        Cmd::new("sh").line(["-c", script])
    }

    #[test]
    fn streams_lines_in_order() {
        let mut got = Vec::new();
        let r = stream(
            &sh("echo a; echo b >&2; exit 3"),
            Input::Null,
            None,
            Split::Lines,
            |l| {
                got.push(String::from_utf8_lossy(l).into_owned());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(r.finished(), Finished::Exited(3));
        assert_eq!(got, ["a\n", "b\n"]);
    }

    #[test]
    fn timeout_kills_the_whole_group() {
        // `sh` starts a sleeper that holds the pipe: the stream only ends
        // if the kill reaches it too.
        let t = std::time::Instant::now();
        let r = stream(
            &sh("sleep 30 & sleep 30"),
            Input::Null,
            Some(Duration::from_millis(200)),
            Split::Chunks,
            |_| Ok(()),
        )
        .unwrap();
        assert_eq!(r.finished(), Finished::TimedOut);
        assert!(t.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn output_captures_and_times_out() {
        let o = output(&sh("echo out; echo err >&2"), None).unwrap();
        assert_eq!(o.stdout, b"out\n");
        assert_eq!(o.stderr, b"err\n");
        let o = output(&sh("sleep 30"), Some(Duration::from_millis(100))).unwrap();
        assert!(!o.status.success());
    }

    #[test]
    fn to_log_merges_output_into_the_log() {
        let dir = std::env::temp_dir().join(format!("lkmc-process-log-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("x.log");
        let r = to_log(&sh("echo out; echo err >&2; exit 4"), Some(&log), None).unwrap();
        assert_eq!(r, Finished::Exited(4));
        assert_eq!(std::fs::read_to_string(&log).unwrap(), "out\nerr\n");
        let r = to_log(&sh("sleep 30"), None, Some(Duration::from_millis(100))).unwrap();
        assert_eq!(r, Finished::TimedOut);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn background_kill_stops_the_whole_group() {
        let t = std::time::Instant::now();
        // The stderr pipe only ends when the sleeper `sh` left behind is gone.
        let mut b = background(&sh("sleep 30 & echo started >&2; wait")).unwrap();
        assert!(!poll(Duration::from_millis(200), || b.exited()));
        b.kill();
        let out = b.finish().unwrap();
        assert!(!out.status.success());
        assert_eq!(out.stderr, b"started\n");
        assert!(t.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn error_names_command_and_log_tail() {
        let dir = std::env::temp_dir().join(format!("lkmc-process-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("x.log");
        std::fs::write(&log, "old\nline 1\nline 2\n").unwrap();
        let e = ProcessError::new(&Cmd::new("make").arg("all"), Some(2), Some((&log, 4)));
        let text = e.to_string();
        assert!(text.starts_with("command failed (exit status 2):\nmake \\\n  all \\\n;"));
        assert!(text.contains("line 1\nline 2"), "{text}");
        assert!(!text.contains("old"), "{text}");
        assert!(text.ends_with(&format!("full log: {}", log.display())));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
