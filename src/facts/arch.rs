//! Guest architectures and the facts that hold whichever emulator runs
//! them: kernel build names, toolchain triplets, Debian names, the
//! baremetal toolchain.
//!
//! Facts live in one table ([`Arch::facts`]); adding an arch is adding a row.
//! Nothing else in lkmc should `match` on an arch to pick a string. Facts
//! that depend on the emulator too (board, CPU, console, RAM base) are in
//! `facts/machine.rs`, not here.

use std::fmt;

/// A guest architecture. The order of the variants is [`Arch::ALL`]'s.
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
    /// Where the image's boot header has its magic number, and the bytes:
    /// what `--linux-exec` is checked by.
    pub linux_image_magic: (usize, &'static [u8]),
    /// Debian's cross toolchain triplet (`--gcc-which host`).
    pub host_triplet: &'static str,
    /// Buildroot's toolchain triplet.
    pub buildroot_triplet: &'static str,
    /// crosstool-NG's baremetal triplet.
    pub crosstool_ng_triplet: &'static str,
    /// Debian architecture name, for guest-arch `.deb` downloads.
    pub debian_arch: &'static str,
    /// Debian's kernel flavour for the arch (`linux-image-FLAVOUR` is the
    /// metapackage of its newest kernel; `--linux-which distro`).
    pub debian_kernel_flavour: &'static str,
    /// Debian package with the cross C compiler.
    pub gcc_package: &'static str,
    /// ... the C++ one (userland's C++ examples, m5).
    pub gxx_package: &'static str,
    /// ... the C library's headers and objects for it: the C compiler
    /// only recommends it, and userland programs need it.
    pub libc_dev_package: &'static str,
    /// ELF's `e_machine` of its executables (EM_X86_64, EM_ARM, EM_AARCH64).
    pub elf_machine: u16,
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
}

const X86_64: ArchFacts = ArchFacts {
    name: "x86_64",
    linux_arch: "x86",
    linux_image_target: "bzImage",
    linux_image: "arch/x86/boot/bzImage",
    // The x86 boot protocol's header signature (Documentation/x86/boot.rst).
    linux_image_magic: (0x202, b"HdrS"),
    host_triplet: "x86_64-linux-gnu",
    buildroot_triplet: "x86_64-buildroot-linux-gnu",
    crosstool_ng_triplet: "x86_64-unknown-elf",
    debian_arch: "amd64",
    debian_kernel_flavour: "amd64",
    gcc_package: "gcc",
    gxx_package: "g++",
    libc_dev_package: "libc6-dev",
    elf_machine: 62,
    baremetal: None,
};

const ARM: ArchFacts = ArchFacts {
    name: "arm",
    linux_arch: "arm",
    linux_image_target: "zImage",
    linux_image: "arch/arm/boot/zImage",
    // zImage's magic 0x016f2818, little-endian (Documentation/arm/booting.rst).
    linux_image_magic: (0x24, &[0x18, 0x28, 0x6f, 0x01]),
    host_triplet: "arm-linux-gnueabihf",
    buildroot_triplet: "arm-buildroot-linux-gnueabihf",
    crosstool_ng_triplet: "arm-unknown-eabi",
    debian_arch: "armhf",
    // Multiplatform ARMv7, which has QEMU's virt board; -lpae needs highmem.
    debian_kernel_flavour: "armmp",
    gcc_package: "gcc-arm-linux-gnueabihf",
    gxx_package: "g++-arm-linux-gnueabihf",
    libc_dev_package: "libc6-dev-armhf-cross",
    elf_machine: 40,
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
    }),
};

const AARCH64: ArchFacts = ArchFacts {
    name: "aarch64",
    linux_arch: "arm64",
    linux_image_target: "Image",
    linux_image: "arch/arm64/boot/Image",
    // The arm64 image header's magic (Documentation/arm64/booting.rst).
    linux_image_magic: (0x38, b"ARM\x64"),
    host_triplet: "aarch64-linux-gnu",
    buildroot_triplet: "aarch64-buildroot-linux-gnu",
    crosstool_ng_triplet: "aarch64-unknown-elf",
    debian_arch: "arm64",
    debian_kernel_flavour: "arm64",
    gcc_package: "gcc-aarch64-linux-gnu",
    gxx_package: "g++-aarch64-linux-gnu",
    libc_dev_package: "libc6-dev-arm64-cross",
    elf_machine: 183,
    baremetal: Some(BaremetalFacts {
        tool_prefix: "aarch64-linux-gnu-",
        packages: &["gcc-aarch64-linux-gnu", "picolibc-aarch64-linux-gnu"],
        picolibc_specs: "/usr/lib/picolibc/aarch64-linux-gnu/picolibc.specs",
        cflags: &[],
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

    /// The arch of an ELF file's `e_machine`, if it is one of ours.
    pub fn from_elf_machine(machine: u16) -> Option<Arch> {
        Arch::ALL
            .into_iter()
            .find(|a| a.facts().elf_machine == machine)
    }

    /// This arch's place in [`Arch::ALL`], which per-arch tables follow.
    pub fn index(self) -> usize {
        self as usize
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
    fn index_follows_all() {
        for (i, arch) in Arch::ALL.into_iter().enumerate() {
            assert_eq!(arch.index(), i);
        }
    }

    #[test]
    fn image_path_ends_with_image_target() {
        for arch in Arch::ALL {
            let f = arch.facts();
            assert!(f.linux_image.ends_with(f.linux_image_target), "{arch}");
        }
    }
}
