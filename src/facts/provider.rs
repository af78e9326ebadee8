//! Which provider supplies a component: the fast distro default, or the
//! one lkmc builds from source.
//!
//! Only the choices live here; what each choice means for a path is in
//! `Paths`, and how a provider is built is in `build/`.

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

/// Which kernel the guest boots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LinuxWhich {
    /// lkmc's own build of the kernel source, with lkmc's config fragments
    Lkmc,
    /// The distro's packaged kernel for the guest arch (Debian's
    /// linux-image-*), downloaded and unpacked: no kernel compile
    Distro,
}

impl LinuxWhich {
    /// Its name on the command line and in getvar.
    pub fn name(self) -> &'static str {
        match self {
            LinuxWhich::Lkmc => "lkmc",
            LinuxWhich::Distro => "distro",
        }
    }
}

/// Which gem5 binary: scons's build types (`build/ARM/gem5.TYPE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Gem5BuildType {
    /// Optimized, with debug symbols and assertions (gem5's usual choice)
    Opt,
    /// No optimization: for GDB on gem5 itself
    Debug,
    /// Optimized, no assertions or symbols: the fastest simulation
    Fast,
}

impl Gem5BuildType {
    /// The binary's suffix (`gem5.opt`).
    pub fn name(self) -> &'static str {
        match self {
            Gem5BuildType::Opt => "opt",
            Gem5BuildType::Debug => "debug",
            Gem5BuildType::Fast => "fast",
        }
    }
}

/// Which QEMU build (`--qemu-build-type`): a build dir each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QemuBuildType {
    /// QEMU's default optimized build, with debug symbols
    Opt,
    /// `--enable-debug`: -O0, assertions, for GDB on QEMU itself
    Debug,
}

impl QemuBuildType {
    /// The build dir's name (`out/qemu/ID/opt`).
    pub fn name(self) -> &'static str {
        match self {
            QemuBuildType::Opt => "opt",
            QemuBuildType::Debug => "debug",
        }
    }
}
