//! QEMU's human monitor (HMP) on a run's monitor port: one command, its
//! answer.
//!
//! `lkmc run` gives QEMU `-monitor telnet::MONITOR_PORT,server,nowait`
//! (emulator/qemu.rs). QEMU speaks telnet there and runs its readline on
//! the connection: it opens with telnet option bytes and a banner ending in
//! the `(qemu) ` prompt, echoes every byte it gets as a redrawn line (with
//! `ESC [ D` and `ESC [ K`), and after the command's output prints the
//! prompt again. This module owns that protocol: it waits for the prompt,
//! sends one line, and returns the output between the echo and the next
//! prompt, without telnet bytes or `\r`. It also reads the answers lkmc
//! acts on (`info snapshots`, error lines). It starts no process; it only
//! connects to localhost.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// What QEMU's readline prints before each command.
const PROMPT: &[u8] = b"(qemu) ";

/// Telnet's "interpret as command" byte, and the commands that take one
/// option byte after them (WILL, WONT, DO, DONT) or a subnegotiation (SB
/// ... IAC SE).
const IAC: u8 = 255;
const SB: u8 = 250;
const SE: u8 = 240;

/// How long a connection may take to show its first prompt: QEMU answers
/// at once, unless another client holds its one monitor connection.
pub const GREETING_WAIT: Duration = Duration::from_secs(10);

/// How long one command may run: `savevm` of a big guest takes a while.
pub const ANSWER_WAIT: Duration = Duration::from_secs(300);

/// Why talking to a monitor failed.
#[derive(Debug)]
pub enum MonitorError {
    /// Nothing listens on the port.
    Refused,
    /// Connected, but no prompt came in time (another client holds QEMU's
    /// one monitor connection, or it is no QEMU monitor).
    NoPrompt(String),
    /// Another I/O error.
    Io(std::io::Error),
}

impl std::fmt::Display for MonitorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MonitorError::Refused => f.write_str("connection refused"),
            MonitorError::NoPrompt(got) => write!(
                f,
                "no `(qemu) ` prompt within {} s (got {got:?})",
                GREETING_WAIT.as_secs()
            ),
            MonitorError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for MonitorError {}

impl From<std::io::Error> for MonitorError {
    fn from(e: std::io::Error) -> Self {
        MonitorError::Io(e)
    }
}

/// A connection to one QEMU monitor, at its prompt.
pub struct Monitor {
    stream: TcpStream,
    /// Bytes read past the last prompt (none in practice: QEMU waits).
    pending: Vec<u8>,
}

/// QEMU's answer to one command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The output, lines ending in `\n`, without the echo and the prompt.
    pub text: String,
    /// QEMU closed the connection instead of prompting again (`quit`).
    pub closed: bool,
}

impl Answer {
    /// QEMU's error line, if the command failed: HMP reports failures as
    /// `Error: ...` and unknown commands as `unknown command: ...`.
    pub fn error(&self) -> Option<&str> {
        self.text
            .lines()
            .find(|l| l.starts_with("Error: ") || l.starts_with("unknown command: "))
    }
}

impl Monitor {
    /// Connect to the monitor on localhost:`port` and wait for its prompt.
    pub fn connect(port: u16) -> Result<Monitor, MonitorError> {
        let stream = match TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return Err(MonitorError::Refused);
            }
            Err(e) => return Err(e.into()),
        };
        let mut m = Monitor {
            stream,
            pending: Vec::new(),
        };
        match m.read_to_prompt(GREETING_WAIT)? {
            (_, true) => Ok(m),
            (got, false) => Err(MonitorError::NoPrompt(
                String::from_utf8_lossy(&got).into_owned(),
            )),
        }
    }

    /// Send `line` (one command, no newline) and return QEMU's answer,
    /// waiting up to `wait` for the next prompt.
    pub fn command(&mut self, line: &str, wait: Duration) -> Result<Answer, MonitorError> {
        // "\n" alone: QEMU's readline takes "\r" as Enter too, so "\r\n"
        // would send a second, empty command.
        self.stream.write_all(format!("{line}\n").as_bytes())?;
        let (raw, prompted) = self.read_to_prompt(wait)?;
        Ok(Answer {
            text: answer_text(&raw),
            closed: !prompted,
        })
    }

    /// Read until the prompt ends what was read (true), or the connection
    /// closes (false); telnet bytes dropped. What came before the prompt.
    fn read_to_prompt(&mut self, wait: Duration) -> Result<(Vec<u8>, bool), MonitorError> {
        let start = Instant::now();
        let mut got = std::mem::take(&mut self.pending);
        let mut buf = [0u8; 4096];
        loop {
            if got.ends_with(PROMPT) {
                got.truncate(got.len() - PROMPT.len());
                return Ok((got, true));
            }
            let left = wait.saturating_sub(start.elapsed());
            if left.is_zero() {
                return Err(MonitorError::NoPrompt(
                    String::from_utf8_lossy(&got).into_owned(),
                ));
            }
            self.stream.set_read_timeout(Some(left))?;
            match self.stream.read(&mut buf) {
                Ok(0) => return Ok((got, false)),
                Ok(n) => got.extend(strip_telnet(&buf[..n])),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    continue;
                }
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                    return Ok((got, false));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

/// Send `command` to the monitor on localhost:`port` and print its answer
/// on stdout; a failure QEMU reports fails with its line (and what to do,
/// where lkmc knows).
pub fn print_answer(port: u16, command: &str) -> anyhow::Result<()> {
    let mut m = Monitor::connect(port).map_err(|e| connect_failed(port, e))?;
    let answer = m
        .command(command, ANSWER_WAIT)
        .map_err(|e| anyhow::anyhow!("QEMU's monitor on localhost:{port}, `{command}`: {e}"))?;
    crate::plan::print_out(&answer.text)?;
    if let Some(line) = answer.error() {
        let hint = snapshot_hint(line)
            .map(|h| format!("\n{h}"))
            .unwrap_or_default();
        return Err(crate::error::CmdFailed {
            status: 1,
            what: format!("QEMU refused `{command}`: {line}{hint}"),
        }
        .into());
    }
    if answer.closed && !is_quit(command) {
        eprintln!("note: QEMU closed its monitor after `{command}` (the emulator exited?)");
    }
    Ok(())
}

/// A monitor session on the terminal: each line read from stdin is one
/// command, its answer printed; with a terminal, after a `(qemu) ` prompt.
/// Ends at the end of stdin (Ctrl-D), or when QEMU closes the monitor
/// (`quit` stops the emulator, as in QEMU's own monitor).
pub fn session(port: u16) -> anyhow::Result<()> {
    use std::io::{BufRead, IsTerminal};
    let mut m = Monitor::connect(port).map_err(|e| connect_failed(port, e))?;
    let tty = std::io::stdin().is_terminal();
    let mut out = std::io::stdout();
    let mut lines = std::io::stdin().lock().lines();
    loop {
        if tty {
            out.write_all(PROMPT)?;
            out.flush()?;
        }
        let Some(line) = lines.next() else {
            if tty {
                writeln!(out)?;
            }
            return Ok(());
        };
        let line = line?;
        let answer = m
            .command(line.trim_end(), ANSWER_WAIT)
            .map_err(|e| anyhow::anyhow!("QEMU's monitor on localhost:{port}: {e}"))?;
        out.write_all(answer.text.as_bytes())?;
        out.flush()?;
        if answer.closed {
            if !is_quit(&line) {
                eprintln!("note: QEMU closed its monitor (the emulator exited?)");
            }
            return Ok(());
        }
    }
}

/// Whether `command` is QEMU's `quit` (or its short form `q`), after which
/// the monitor closes.
fn is_quit(command: &str) -> bool {
    matches!(command.split_whitespace().next(), Some("quit" | "q"))
}

/// A failed connection as lkmc reports it (the callers check that a guest
/// runs first, so this is a guest that went away or a busy monitor).
fn connect_failed(port: u16, e: MonitorError) -> anyhow::Error {
    match e {
        MonitorError::NoPrompt(_) => anyhow::anyhow!(
            "QEMU's monitor on localhost:{port} did not answer: {e}. It takes one connection \
             at a time; is another `lkmc qemu-monitor` (or telnet) attached to it?"
        ),
        e => anyhow::anyhow!("connecting to QEMU's monitor on localhost:{port}: {e}"),
    }
}

/// `bytes` without telnet commands (QEMU sends option negotiation first).
/// A command cut across two reads loses its tail to the next read's text;
/// QEMU sends its options in one write, before anything else.
fn strip_telnet(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != IAC {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&IAC) => {
                out.push(IAC);
                i += 2;
            }
            Some(&SB) => {
                // Up to and with IAC SE.
                let end = bytes[i + 2..]
                    .windows(2)
                    .position(|w| w == [IAC, SE])
                    .map_or(bytes.len(), |p| i + 2 + p + 2);
                i = end;
            }
            Some(251..=254) => i += 3,
            _ => i += 2,
        }
    }
    out
}

/// The output of a command from what came back after it was sent: the echo
/// of the typed line ends at the first newline (QEMU's Enter); `\r` and the
/// line-redrawing escapes of the echo go.
fn answer_text(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let after_echo = match text.find('\n') {
        Some(i) => &text[i + 1..],
        None => "",
    };
    after_echo.replace('\r', "")
}

/// The tags of the snapshots that every disk has (the ones `loadvm` can
/// load), from the answer to `info snapshots`. QEMU 10 prints:
///
/// ```text
/// List of snapshots present on all disks:
/// ID      TAG               VM_SIZE                DATE        VM_CLOCK     ICOUNT
/// --      snap1            1.27 MiB 2026-12-04 18:41:42  0000:00:00.000         --
/// ```
///
/// then, if some disks lack a snapshot, a "List of partial (non-loadable)
/// snapshots" section; or "There is no snapshot available." alone.
pub fn snapshot_tags(info_snapshots: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut in_list = false;
    for line in info_snapshots.lines() {
        if line.starts_with("List of snapshots present on all disks") {
            in_list = true;
            continue;
        }
        if line.starts_with("List of ") || line.trim().is_empty() {
            in_list = false;
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        if in_list && words.len() >= 2 && words[0] != "ID" {
            tags.push(words[1].to_string());
        }
    }
    tags
}

/// What to do about a refused `savevm` or `loadvm`, for the errors QEMU
/// gives when the guest holds something it cannot snapshot.
pub fn snapshot_hint(error: &str) -> Option<&'static str> {
    if error.contains("VirtFS") || error.contains("9p") {
        // virtio-9p blocks migration, and so snapshots, while a share is
        // mounted; rcS mounts them all at boot.
        return Some(
            "QEMU cannot snapshot a guest that has a 9P share mounted. Unmount them in the \
             guest first: umount -a -t 9p (mount -a -t 9p brings them back)",
        );
    }
    if error.contains("not support") || error.contains("doesn't support") {
        return Some(
            "every writable disk must be qcow2 for a snapshot: lkmc's boots use the qcow2 \
             image (with a temporary qcow2 overlay unless --disk-persist)",
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What QEMU 10.0 sent for `info status` typed at once: the echo,
    /// redrawn byte by byte, then the output.
    const ECHOED: &[u8] = b"i\x1b[K\x1b[Din\x1b[K\x1b[D\x1b[Dinf\x1b[K\x1b[D\x1b[D\x1b[Dinfo\x1b[K\
\x1b[D\x1b[D\x1b[D\x1b[Dinfo \x1b[K\x1b[D\x1b[D\x1b[D\x1b[D\x1b[Dinfo s\x1b[K\r\nVM status: running\r\n";

    #[test]
    fn answer_drops_the_echo_and_carriage_returns() {
        assert_eq!(answer_text(ECHOED), "VM status: running\n");
        // A command without output (savevm): the echo, Enter, the prompt.
        assert_eq!(answer_text(b"savevm a\x1b[K\r\n"), "");
    }

    #[test]
    fn telnet_negotiation_is_dropped() {
        let greeting = b"\xff\xfb\x01\xff\xfb\x03\xff\xfb\x00\xff\xfd\x00QEMU 10.0.2 monitor\r\n";
        assert_eq!(strip_telnet(greeting), b"QEMU 10.0.2 monitor\r\n");
        assert_eq!(strip_telnet(b"a\xff\xffb"), b"a\xffb");
        assert_eq!(strip_telnet(b"a\xff\xfa\x18\x01\xff\xf0b"), b"ab");
    }

    #[test]
    fn errors_are_recognised() {
        let err = |t: &str| {
            Answer {
                text: t.into(),
                closed: false,
            }
            .error()
            .map(str::to_string)
        };
        assert_eq!(
            err("Error: Snapshot 'nope' does not exist in one or more devices\n").as_deref(),
            Some("Error: Snapshot 'nope' does not exist in one or more devices")
        );
        assert_eq!(
            err("unknown command: 'foo'\n").as_deref(),
            Some("unknown command: 'foo'")
        );
        assert_eq!(err("VM status: running\n"), None);
    }

    #[test]
    fn snapshot_tags_of_info_snapshots() {
        let none = "There is no snapshot available.\n";
        assert!(snapshot_tags(none).is_empty());
        let two = "List of snapshots present on all disks:\n\
ID      TAG               VM_SIZE                DATE        VM_CLOCK     ICOUNT\n\
--      snap1            1.27 MiB 2026-12-04 18:41:42  0000:00:00.000         --\n\
--      b                1.30 MiB 2026-12-04 18:42:42  0000:00:01.000         --\n\
\n\
List of partial (non-loadable) snapshots on 'virtio0':\n\
ID        TAG               VM_SIZE                DATE     VM_CLOCK     ICOUNT\n\
2         only-here            0 B 2026-12-04 18:43:00  0000:00:00.000         --\n";
        assert_eq!(snapshot_tags(two), ["snap1", "b"]);
    }

    /// A fake monitor that talks as QEMU 10 does: the whole exchange over
    /// a real socket.
    #[test]
    fn one_command_over_a_socket() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            s.write_all(b"\xff\xfb\x01\xff\xfb\x03QEMU 10.0.2 monitor - type 'help'\r\n(qemu) ")
                .unwrap();
            let mut line = Vec::new();
            let mut b = [0u8; 1];
            while s.read(&mut b).unwrap() == 1 && b[0] != b'\n' {
                line.push(b[0]);
                s.write_all(&b).unwrap();
            }
            assert_eq!(line, b"info status");
            s.write_all(b"\x1b[K\r\nVM status: running\r\n(qemu) ")
                .unwrap();
            // `quit`: QEMU closes without a prompt.
            while s.read(&mut b).unwrap() == 1 && b[0] != b'\n' {}
            s.write_all(b"quit\x1b[K\r\n").unwrap();
        });
        let mut m = Monitor::connect(port).unwrap();
        let a = m.command("info status", Duration::from_secs(5)).unwrap();
        assert_eq!(a.text, "VM status: running\n");
        assert!(!a.closed);
        let q = m.command("quit", Duration::from_secs(5)).unwrap();
        assert!(q.closed, "{q:?}");
        server.join().unwrap();
    }

    #[test]
    fn nothing_listening_is_refused() {
        // A port just freed: nothing listens there.
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        assert!(matches!(Monitor::connect(port), Err(MonitorError::Refused)));
    }
}
