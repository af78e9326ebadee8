//! The tables: what lkmc knows about each arch, emulator, (arch, emulator)
//! machine and provider, as data.
//!
//! Rows hold facts only (names, paths relative to a build dir, ports,
//! flags); they format no path and start nothing. `Paths` joins them with a
//! `Config`, and the emulator modules turn them into command lines. A new
//! arch, emulator or board is new rows here, not new `if`s elsewhere.

pub mod arch;
pub mod emulator;
pub mod machine;
pub mod provider;

pub use arch::Arch;
pub use emulator::Emulator;
