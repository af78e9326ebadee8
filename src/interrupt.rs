//! Ctrl-C, SIGTERM and SIGHUP: lkmc stops what it started and says so.
//!
//! A thread waits for the signals (none is handled in a signal handler:
//! the thread may take locks). On the first one it records it and sends
//! SIGTERM to every child lkmc is waiting for (their process groups, when
//! they have their own), then SIGKILL to those still there after a grace
//! time: make deletes the target it was writing on SIGTERM, and QEMU exits
//! cleanly. The code waiting for the child sees it end, and the executor
//! starts no further step ([`check`]); `main` reports what was interrupted
//! and exits 130.
//!
//! It owns the registry of running children, not how they are started
//! (`process.rs` registers each one).

use std::sync::Mutex;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use nix::sys::signal::{Signal, kill, killpg};
use nix::unistd::Pid;

/// The signal received, 0 before any.
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// Children lkmc waits for: (pid, whether it leads its own process group).
static CHILDREN: Mutex<Vec<(u32, bool)>> = Mutex::new(Vec::new());

/// How long children get to stop after SIGTERM.
const GRACE: Duration = Duration::from_secs(3);

/// lkmc's exit status after an interrupt (what shells report for Ctrl-C).
pub const EXIT_STATUS: u8 = 130;

/// Start the thread that turns a signal into stopping the children.
pub fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        // Without it Ctrl-C still ends lkmc the default way.
        return;
    };
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if RECEIVED.swap(sig, Ordering::SeqCst) != 0 {
                continue;
            }
            tracing::debug!(signal = sig, "interrupted");
            signal_children(Signal::SIGTERM);
            std::thread::sleep(GRACE);
            signal_children(Signal::SIGKILL);
        }
    });
}

fn signal_children(signal: Signal) {
    for &(pid, group) in CHILDREN.lock().unwrap().iter() {
        let pid = Pid::from_raw(pid as i32);
        let _ = if group {
            killpg(pid, signal)
        } else {
            kill(pid, signal)
        };
    }
}

/// The signal that interrupted lkmc, if one did.
pub fn received() -> Option<Signal> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        n => Signal::try_from(n).ok(),
    }
}

/// Fail if lkmc was interrupted: no new step starts after a signal.
pub fn check() -> anyhow::Result<()> {
    match received() {
        Some(s) => Err(Interrupted(s).into()),
        None => Ok(()),
    }
}

/// lkmc stopped because of a signal.
#[derive(Debug)]
pub struct Interrupted(pub Signal);

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "interrupted by {}", self.0.as_str())
    }
}

impl std::error::Error for Interrupted {}

/// A running child, known to the interrupt thread until dropped.
pub struct Registered(u32);

/// Let the interrupt thread stop `pid` (and its group if it leads one).
pub fn register(pid: u32, group: bool) -> Registered {
    CHILDREN.lock().unwrap().push((pid, group));
    // A signal that came while the child was being started still stops it.
    if received().is_some() {
        let _ = kill(Pid::from_raw(pid as i32), Signal::SIGTERM);
    }
    Registered(pid)
}

impl Drop for Registered {
    fn drop(&mut self) {
        CHILDREN.lock().unwrap().retain(|(p, _)| *p != self.0);
    }
}
