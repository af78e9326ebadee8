//! A guest console that is a TCP socket (gem5's terminal), relayed to the
//! user's terminal, so that a gem5 guest is used like a QEMU one: its
//! console on lkmc's stdout, keys typed going to the guest, no second shell
//! and no m5term needed. `lkmc gem5-shell` attaches the same way to a run
//! that is already going.
//!
//! Owns the connection, the terminal's raw mode while keys are relayed
//! (restored when the relay ends), and the escape that stops the run:
//! Ctrl-A X, as in QEMU's console. Starts no process.

use std::io::{IsTerminal, Read, Write};
use std::net::TcpStream;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use nix::sys::termios::{self, SetArg, Termios};

/// Ctrl-A, the escape key; followed by `x` it stops the run.
const ESCAPE: u8 = 0x01;

/// The relay of one console: stops when the socket closes (the emulator
/// exited).
pub struct Relay {
    output: Option<JoinHandle<()>>,
    raw: Option<RawMode>,
}

/// The terminal's settings before raw mode, put back on drop.
struct RawMode(Termios);

impl RawMode {
    fn enter() -> Option<RawMode> {
        let stdin = std::io::stdin();
        let saved = termios::tcgetattr(&stdin).ok()?;
        let mut raw = saved.clone();
        termios::cfmakeraw(&mut raw);
        // Keep output processing: the guest's "\n" still starts a new line
        // when lkmc prints its own messages.
        raw.output_flags = saved.output_flags;
        termios::tcsetattr(&stdin, SetArg::TCSANOW, &raw).ok()?;
        Some(RawMode(saved))
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, &self.0);
    }
}

/// Connect to the console on localhost:`port`, trying for up to `wait`,
/// and relay it: what the guest prints to `out` (unless None: the console
/// is only logged), and, with `keys`, what is typed to the guest (in raw
/// mode when stdin is a terminal; Ctrl-A X stops the run as Ctrl-C to lkmc
/// would).
pub fn attach(
    port: u16,
    wait: Duration,
    out: Option<Box<dyn Write + Send>>,
    keys: bool,
) -> Result<Relay> {
    let stream = connect(port, wait)?;
    let mut from_guest = stream.try_clone()?;
    let output = std::thread::spawn(move || {
        let Some(mut out) = out else {
            // Drain, so that the guest never blocks on a full socket.
            let _ = std::io::copy(&mut from_guest, &mut std::io::sink());
            return;
        };
        let mut buf = [0u8; 4096];
        while let Ok(n) = from_guest.read(&mut buf) {
            if n == 0 || out.write_all(&buf[..n]).is_err() {
                break;
            }
            let _ = out.flush();
        }
    });
    let raw = if keys {
        let raw = std::io::stdin()
            .is_terminal()
            .then(RawMode::enter)
            .flatten();
        let mut to_guest = stream;
        // Left blocked in read when the run ends; it ends with lkmc.
        std::thread::spawn(move || relay_keys(&mut to_guest));
        raw
    } else {
        None
    };
    Ok(Relay {
        output: Some(output),
        raw,
    })
}

impl Relay {
    /// Wait until the guest's output is all relayed (the emulator exited),
    /// and give the terminal back.
    pub fn finish(mut self) {
        if let Some(t) = self.output.take() {
            let _ = t.join();
        }
        self.raw.take();
    }
}

fn connect(port: u16, wait: Duration) -> Result<TcpStream> {
    let start = Instant::now();
    loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => return Ok(s),
            Err(e) if start.elapsed() >= wait => {
                return Err(e).with_context(|| {
                    format!("connecting to the guest console on localhost:{port}")
                });
            }
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// Keys to the guest until stdin ends; Ctrl-A X stops the run, Ctrl-A
/// Ctrl-A sends one Ctrl-A.
fn relay_keys(to_guest: &mut TcpStream) {
    let mut stdin = std::io::stdin().lock();
    let mut buf = [0u8; 256];
    let mut escaped = false;
    while let Ok(n) = stdin.read(&mut buf) {
        if n == 0 {
            return;
        }
        let mut send = Vec::with_capacity(n);
        for &b in &buf[..n] {
            match (escaped, b) {
                (false, ESCAPE) => escaped = true,
                (true, b'x' | b'X') => {
                    // As Ctrl-C to lkmc: the interrupt thread stops the
                    // emulator, and the run ends with 130.
                    let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGTERM);
                    return;
                }
                (true, b) => {
                    escaped = false;
                    send.push(b);
                }
                (false, b) => send.push(b),
            }
        }
        if to_guest.write_all(&send).is_err() {
            return;
        }
    }
}
