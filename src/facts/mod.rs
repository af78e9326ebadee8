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
pub mod rootfs;

pub use arch::Arch;
pub use emulator::Emulator;

use machine::MachineFacts;

/// The board `emulator` gives `arch`.
pub fn machine(arch: Arch, emulator: Emulator) -> &'static MachineFacts {
    let row = &emulator.facts().machines[arch.index()];
    debug_assert_eq!(row.arch, arch.facts().name, "machine rows follow Arch::ALL");
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_rows_follow_arch_order() {
        for table in [&machine::QEMU, &machine::GEM5] {
            for (row, arch) in table.iter().zip(Arch::ALL) {
                assert_eq!(row.arch, arch.facts().name);
            }
        }
    }

    #[test]
    fn baremetal_archs_have_a_ram_base_everywhere() {
        for arch in Arch::ALL {
            let has_runtime = arch.facts().baremetal.is_some();
            for table in [&machine::QEMU, &machine::GEM5] {
                let row = &table[arch.index()];
                assert_eq!(row.ram_base.is_some(), has_runtime, "{arch}");
            }
        }
    }
}
