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
