//! Guest architectures and emulators, and every per-arch fact lkmc uses.
//!
//! Facts live in one table ([`Arch::facts`]); adding an arch is adding a row.
//! Nothing else in lkmc should `match` on an arch to pick a string.

use std::fmt;

/// A guest architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Arch {
    /// 64-bit x86 (alias: x)
    #[value(name = "x86_64", alias = "x")]
    X86_64,
    /// 32-bit ARMv7 (alias: a)
    #[value(name = "arm", alias = "a")]
    Arm,
    /// 64-bit ARMv8 (alias: A)
    #[value(name = "aarch64", alias = "A")]
    Aarch64,
}

/// Everything lkmc knows about one arch.
#[derive(Debug)]
pub struct ArchFacts {
    /// Our name, as typed on the command line and used in out/ paths.
    pub name: &'static str,
    /// Kbuild's `ARCH=`.
    pub linux_arch: &'static str,
    /// Kernel image make target.
    pub linux_image_target: &'static str,
    /// Kernel image, relative to the kernel build dir.
    pub linux_image: &'static str,
    /// Debian's cross toolchain triplet (`--gcc-which host`).
    pub host_triplet: &'static str,
    /// Buildroot's toolchain triplet.
    pub buildroot_triplet: &'static str,
    /// crosstool-NG's baremetal triplet.
    pub crosstool_ng_triplet: &'static str,
    /// Debian architecture name, for guest-arch `.deb` downloads.
    pub debian_arch: &'static str,
    /// Debian package with the cross C compiler.
    pub gcc_package: &'static str,
    /// QEMU system emulator name suffix (`qemu-system-<x>`, `qemu-<x>`).
    pub qemu_arch: &'static str,
    /// Debian package with the QEMU system emulator.
    pub qemu_system_package: &'static str,
    /// QEMU machine arguments, in order.
    pub qemu_machine: &'static [&'static str],
    /// QEMU CPU under TCG.
    pub qemu_cpu: &'static str,
    /// Firmware (`-bios`, found in QEMU's data dir) for runs without a
    /// display, when QEMU's default is slow to boot under TCG.
    pub qemu_headless_bios: Option<&'static str>,
    /// Extra QEMU devices the study content uses (`-device NAME`).
    pub qemu_devices: &'static [&'static str],
    /// Main serial console device in the guest.
    pub console: &'static str,
    /// Second serial port in the guest (KGDB), if QEMU gives one.
    pub extra_console: Option<&'static str>,
    /// Extra words on the kernel command line.
    pub kernel_cli_extra: &'static str,
    /// gem5 ISA directory name.
    pub gem5_arch: &'static str,
    /// gem5 machine type.
    pub gem5_machine: &'static str,
    /// Programs without an OS (`lkmc build baremetal`), where lkmc has them.
    pub baremetal: Option<BaremetalFacts>,
}

/// How lkmc builds and boots programs that run without an OS on an arch.
#[derive(Debug)]
pub struct BaremetalFacts {
    /// Tool prefix of the bare-metal toolchain (`--gcc-which host`):
    /// PREFIXgcc, PREFIXar. Its C library is picolibc.
    pub tool_prefix: &'static str,
    /// Debian packages with that compiler and picolibc for it.
    pub packages: &'static [&'static str],
    /// picolibc's GCC specs file: its headers, libraries and linker script.
    pub picolibc_specs: &'static str,
    /// CPU and ABI flags; they also pick picolibc's multilib.
    pub cflags: &'static [&'static str],
    /// Where RAM starts on QEMU's machine (the image is linked there).
    pub qemu_ram_base: u64,
    /// Where RAM starts on gem5's machine.
    pub gem5_ram_base: u64,
}

const X86_64: ArchFacts = ArchFacts {
    name: "x86_64",
    linux_arch: "x86",
    linux_image_target: "bzImage",
    linux_image: "arch/x86/boot/bzImage",
    host_triplet: "x86_64-linux-gnu",
    buildroot_triplet: "x86_64-buildroot-linux-gnu",
    crosstool_ng_triplet: "x86_64-unknown-elf",
    debian_arch: "amd64",
    gcc_package: "gcc",
    qemu_arch: "x86_64",
    qemu_system_package: "qemu-system-x86",
    qemu_machine: &["-machine", "pc"],
    qemu_cpu: "max",
    // qboot, QEMU's minimal PC firmware, starts the kernel about a second
    // sooner than SeaBIOS under TCG. It sets up no VGA, so --graphic and
    // --vnc runs keep SeaBIOS.
    qemu_headless_bios: Some("qboot.rom"),
    // QEMU's teaching PCI device, driven by kernel_modules/qemu_edu.c.
    qemu_devices: &["edu"],
    console: "ttyS0",
    extra_console: Some("ttyS1"),
    // PAT handling under TCG is slow and noisy; the original turned it off too.
    kernel_cli_extra: "nopat",
    gem5_arch: "X86",
    gem5_machine: "X86",
    baremetal: None,
};

const ARM: ArchFacts = ArchFacts {
    name: "arm",
    linux_arch: "arm",
    linux_image_target: "zImage",
    linux_image: "arch/arm/boot/zImage",
    host_triplet: "arm-linux-gnueabihf",
    buildroot_triplet: "arm-buildroot-linux-gnueabihf",
    crosstool_ng_triplet: "arm-unknown-eabi",
    debian_arch: "armhf",
    gcc_package: "gcc-arm-linux-gnueabihf",
    qemu_arch: "arm",
    qemu_system_package: "qemu-system-arm",
    // Without highmem=off the virt board puts PCI above 4 GiB, out of reach of
    // a 32-bit kernel without LPAE.
    qemu_machine: &["-machine", "virt,highmem=off"],
    qemu_cpu: "cortex-a15",
    qemu_headless_bios: None,
    qemu_devices: &[],
    console: "ttyAMA0",
    extra_console: None,
    kernel_cli_extra: "",
    gem5_arch: "ARM",
    gem5_machine: "VExpress_GEM5_V1",
    // Debian's arm-linux-gnueabihf-gcc has no picolibc; its bare-metal
    // compiler has, with an ARMv7-A NEON hard-float multilib.
    baremetal: Some(BaremetalFacts {
        tool_prefix: "arm-none-eabi-",
        packages: &["gcc-arm-none-eabi", "picolibc-arm-none-eabi"],
        picolibc_specs: "/usr/lib/picolibc/arm-none-eabi/picolibc.specs",
        cflags: &[
            "-marm",
            "-mcpu=cortex-a15",
            "-mfpu=neon-vfpv4",
            "-mfloat-abi=hard",
        ],
        qemu_ram_base: 0x4000_0000,
        gem5_ram_base: 0x8000_0000,
    }),
};

const AARCH64: ArchFacts = ArchFacts {
    name: "aarch64",
    linux_arch: "arm64",
    linux_image_target: "Image",
    linux_image: "arch/arm64/boot/Image",
    host_triplet: "aarch64-linux-gnu",
    buildroot_triplet: "aarch64-buildroot-linux-gnu",
    crosstool_ng_triplet: "aarch64-unknown-elf",
    debian_arch: "arm64",
    gcc_package: "gcc-aarch64-linux-gnu",
    qemu_arch: "aarch64",
    qemu_system_package: "qemu-system-arm",
    qemu_machine: &["-machine", "virt"],
    // pauth-impdef: QEMU's architected pointer-auth algorithm is very slow
    // under TCG; the implementation-defined one boots several times faster.
    qemu_cpu: "max,pauth-impdef=on",
    qemu_headless_bios: None,
    qemu_devices: &[],
    console: "ttyAMA0",
    extra_console: None,
    kernel_cli_extra: "",
    gem5_arch: "ARM",
    gem5_machine: "VExpress_GEM5_V1",
    baremetal: Some(BaremetalFacts {
        tool_prefix: "aarch64-linux-gnu-",
        packages: &["gcc-aarch64-linux-gnu", "picolibc-aarch64-linux-gnu"],
        picolibc_specs: "/usr/lib/picolibc/aarch64-linux-gnu/picolibc.specs",
        cflags: &[],
        qemu_ram_base: 0x4000_0000,
        gem5_ram_base: 0x8000_0000,
    }),
};

impl Arch {
    /// Every arch, in the order `--all-archs` visits them.
    pub const ALL: [Arch; 3] = [Arch::X86_64, Arch::Arm, Arch::Aarch64];

    /// The facts table row for this arch.
    pub fn facts(self) -> &'static ArchFacts {
        match self {
            Arch::X86_64 => &X86_64,
            Arch::Arm => &ARM,
            Arch::Aarch64 => &AARCH64,
        }
    }

    /// The arch this machine runs, if it is one of ours.
    pub fn host() -> Option<Arch> {
        match std::env::consts::ARCH {
            "x86_64" => Some(Arch::X86_64),
            "arm" => Some(Arch::Arm),
            "aarch64" => Some(Arch::Aarch64),
            _ => None,
        }
    }

    /// Whether this arch is the host's, so host tools need no prefix.
    pub fn is_host(self) -> bool {
        Arch::host() == Some(self)
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.facts().name)
    }
}

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

impl fmt::Display for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Emulator::Qemu => "qemu",
            Emulator::Gem5 => "gem5",
            Emulator::Native => "native",
        })
    }
}

/// Which toolchain compiles guest code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GccWhich {
    /// The distro's cross compilers (fast default, works offline)
    Host,
    /// The toolchain Buildroot builds
    Buildroot,
    /// The baremetal toolchain crosstool-NG builds
    #[value(name = "crosstool-ng")]
    CrosstoolNg,
}

/// Which QEMU runs the guest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QemuWhich {
    /// The distro's QEMU, from PATH
    Host,
    /// QEMU built by lkmc from submodules/qemu
    Lkmc,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_clap() {
        use clap::ValueEnum;
        for arch in Arch::ALL {
            assert_eq!(Arch::from_str(arch.facts().name, false), Ok(arch));
        }
        assert_eq!(Arch::from_str("x", false), Ok(Arch::X86_64));
        assert_eq!(Arch::from_str("a", false), Ok(Arch::Arm));
        assert_eq!(Arch::from_str("A", false), Ok(Arch::Aarch64));
        assert!(Arch::from_str("mips", false).is_err());
    }

    #[test]
    fn image_path_ends_with_image_target() {
        for arch in Arch::ALL {
            let f = arch.facts();
            assert!(f.linux_image.ends_with(f.linux_image_target), "{arch}");
        }
    }
}
