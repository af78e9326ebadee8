//! Emulators and their facts: what each boots, which disk format it reads,
//! where its GDB stub listens, what it supports, where its runs keep their
//! files.
//!
//! Rows are data; how an emulator's command line is built is in
//! `emulator/`, and the paths derived from a row are in `Paths`.

use std::fmt;

use crate::facts::machine::{self, MachineFacts};

/// What runs the guest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Emulator {
    /// QEMU (alias: q)
    #[value(alias = "q")]
    Qemu,
    /// gem5 (alias: g)
    #[value(alias = "g")]
    Gem5,
    /// The host itself, for userland programs of the host arch (alias: n)
    #[value(alias = "n")]
    Native,
}

/// The kernel file a Linux boot hands the emulator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelFile {
    /// The arch's bootable image (bzImage, zImage, Image).
    Image,
    /// The ELF with symbols.
    Vmlinux,
}

/// The format of the root filesystem image the emulator reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskFormat {
    Qcow2,
    Raw,
}

/// Where the emulator's GDB stub listens, for a block of ports (the run
/// id's, or --port-offset's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GdbPort {
    /// At this offset in the block of ports.
    InRunBlock(u16),
    /// At `base + block number`, outside the block: where gem5 listens when
    /// runs start in id order. gem5 takes the first free port from `base`
    /// and says which; the run records that in its `gdb_port_file`.
    From(u16),
}

impl GdbPort {
    /// The port, for block number `n`, whose QEMU ports start at `first`.
    pub fn port(self, first: u16, n: u16) -> u16 {
        match self {
            GdbPort::InRunBlock(offset) => first + offset,
            GdbPort::From(base) => base + n,
        }
    }
}

/// Everything lkmc knows about one emulator.
#[derive(Debug)]
pub struct EmulatorFacts {
    /// Our name, as typed on the command line and used in out/ paths.
    pub name: &'static str,
    /// What a Linux boot hands it.
    pub boots: KernelFile,
    /// The root filesystem image it reads.
    pub disk: DiskFormat,
    /// Its GDB stub.
    pub gdb_port: GdbPort,
    /// Whether it shares host directories with the guest over 9P.
    pub has_9p: bool,
    /// Whether it can record a run and replay it.
    pub has_record: bool,
    /// Whether it can run the guest under KVM.
    pub has_kvm: bool,
    /// Whether lkmc hands it `--dtb` and `--machine` (QEMU's -dtb, -machine).
    pub takes_dtb_and_machine: bool,
    /// Whether its user mode runs several `--userland` programs side by
    /// side (gem5's syscall emulation, one per CPU); QEMU user mode runs
    /// one program a process.
    pub userland_side_by_side: bool,
    /// Whether it tells a user-mode program another kernel release than
    /// the host's (`--kernel-version`: QEMU's -r, gem5's release).
    pub userland_release: bool,
    /// Its runs' dir name under out/run/.
    pub run_dir: &'static str,
    /// Where in the run dir it writes its own outputs (console log, text
    /// traces), if not in the run dir itself.
    pub output_subdir: Option<&'static str>,
    /// The guest console's log, in that output dir.
    pub console_file: &'static str,
    /// Whether the guest console is a socket the emulator listens on
    /// (which lkmc relays to the terminal) rather than its stdio.
    pub console_socket: bool,
    /// The build target with everything its Linux boots need
    /// (`lkmc run --build`).
    pub linux_target: &'static str,
    /// Its boards, one per arch.
    pub machines: &'static [MachineFacts; 3],
}

const QEMU: EmulatorFacts = EmulatorFacts {
    name: "qemu",
    boots: KernelFile::Image,
    disk: DiskFormat::Qcow2,
    gdb_port: GdbPort::InRunBlock(3),
    has_9p: true,
    has_record: true,
    has_kvm: true,
    takes_dtb_and_machine: true,
    userland_side_by_side: false,
    userland_release: true,
    run_dir: "qemu",
    output_subdir: None,
    console_file: "termout.txt",
    console_socket: false,
    linux_target: "qemu-linux",
    machines: &machine::QEMU,
};

const GEM5: EmulatorFacts = EmulatorFacts {
    name: "gem5",
    boots: KernelFile::Vmlinux,
    disk: DiskFormat::Raw,
    gdb_port: GdbPort::From(7000),
    has_9p: false,
    has_record: false,
    has_kvm: false,
    takes_dtb_and_machine: false,
    userland_side_by_side: true,
    userland_release: true,
    run_dir: "gem5",
    output_subdir: Some("m5out"),
    console_file: "system.terminal",
    console_socket: true,
    linux_target: "gem5-linux",
    machines: &machine::GEM5,
};

/// Native runs are host processes: no board, no disk, no 9P. Their run
/// files (run.sh, the lock) and the paths getvar shows for them have always
/// been QEMU's, and stay so.
const NATIVE: EmulatorFacts = EmulatorFacts {
    name: "native",
    has_9p: false,
    has_record: false,
    has_kvm: false,
    takes_dtb_and_machine: false,
    // A host process sees the host's kernel, whatever lkmc says.
    userland_release: false,
    ..QEMU
};

impl Emulator {
    /// The facts table row for this emulator.
    pub fn facts(self) -> &'static EmulatorFacts {
        match self {
            Emulator::Qemu => &QEMU,
            Emulator::Gem5 => &GEM5,
            Emulator::Native => &NATIVE,
        }
    }
}

impl fmt::Display for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.facts().name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_clap() {
        use clap::ValueEnum;
        for e in Emulator::value_variants() {
            assert_eq!(Emulator::from_str(e.facts().name, false).as_ref(), Ok(e));
        }
    }

    #[test]
    fn gdb_ports() {
        assert_eq!(QEMU.gdb_port.port(45454, 0), 45457);
        assert_eq!(GEM5.gdb_port.port(45464, 1), 7001);
    }
}
