//! The old home of the arch table, kept as a path only: the tables are in
//! `facts/`. Holds no fact of its own.
//!
//! compat for src/build/, cli.rs and config.rs, which import
//! `crate::arch::*`: remove once they import from `crate::facts`.

pub use crate::facts::arch::{Arch, BaremetalFacts};
pub use crate::facts::emulator::Emulator;
pub use crate::facts::provider::{GccWhich, QemuWhich};
