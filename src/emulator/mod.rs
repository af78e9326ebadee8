//! What runs a guest: one implementation of [`Emulator`] per emulator, each
//! in its own file, picked by [`get`].
//!
//! An emulator turns resolved options (`options::Boot`, [`Program`]) and
//! `Paths` into the `Cmd` that runs a Linux boot, a userland program or a
//! baremetal image, and refuses, before anything is built, what it cannot
//! do. It starts nothing: `run.rs` shows and runs the command through
//! `process.rs`. What they share (the trait, the kernel command line) is
//! in `common.rs`.

mod common;
mod gem5;
mod native;
mod qemu;

use crate::facts;

pub use common::{Emulator, EmulatorEnd, Mode, Program};

/// The implementation for `which`.
pub fn get(which: facts::Emulator) -> &'static dyn Emulator {
    match which {
        facts::Emulator::Qemu => &qemu::Qemu,
        facts::Emulator::Gem5 => &gem5::Gem5,
        facts::Emulator::Native => &native::Native,
    }
}
