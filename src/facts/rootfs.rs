//! Root filesystem providers and their facts: where each builds and which
//! image files it makes. lkmc's own image is the fast default; Buildroot's
//! is the original's. How an image is built is in `rootfs/`.

use std::path::{Path, PathBuf};

/// Who makes the guest's root filesystem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Rootfs {
    /// lkmc's own: static BusyBox, the sysroot's libraries and the overlays,
    /// built in seconds without root
    Lkmc,
    /// Buildroot's (the original's), with its own toolchain
    Buildroot,
}

/// What lkmc knows about one provider.
#[derive(Debug)]
pub struct RootfsFacts {
    /// Our name, as typed after --rootfs.
    pub name: &'static str,
    /// Its build dir for one arch: from the out dir, the provider's build
    /// id (the Buildroot build id; lkmc's own has none) and the arch.
    pub build_dir: fn(out: &Path, build_id: &str, arch: &str) -> PathBuf,
    /// The images, relative to the build dir: raw (gem5 reads it), qcow2
    /// (QEMU boots it) and cpio (initrd, built-in initramfs).
    pub raw: &'static str,
    pub qcow2: &'static str,
    pub cpio: &'static str,
}

const LKMC: RootfsFacts = RootfsFacts {
    name: "lkmc",
    build_dir: |out, _, arch| out.join("rootfs").join(arch),
    raw: "rootfs.ext4",
    qcow2: "rootfs.ext4.qcow2",
    cpio: "rootfs.cpio",
};

const BUILDROOT: RootfsFacts = RootfsFacts {
    name: "buildroot",
    build_dir: |out, id, arch| out.join("buildroot/build").join(id).join(arch),
    raw: "images/rootfs.ext2",
    qcow2: "images/rootfs.ext2.qcow2",
    cpio: "images/rootfs.cpio",
};

impl Rootfs {
    /// The facts table row for this provider.
    pub fn facts(self) -> &'static RootfsFacts {
        match self {
            Rootfs::Lkmc => &LKMC,
            Rootfs::Buildroot => &BUILDROOT,
        }
    }
}
