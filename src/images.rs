//! What lkmc recognises of the kernel and disk images a user hands to
//! `lkmc run` (`--linux-exec`, `--disk-image`): their magic numbers, so
//! that a wrong file is refused with its reason before an emulator starts
//! and fails in its own words (or boots nothing, silently). Only reads.

use std::io::Read;
use std::path::Path;

use anyhow::Result;

use crate::config::Config;
use crate::error::UsageError;
use crate::facts::emulator::{DiskFormat, KernelFile};

/// qcow2's magic, at the start of the file.
const QCOW2_MAGIC: &[u8] = b"QFI\xfb";
/// ext2/3/4's superblock magic (0xEF53, little-endian), 1024 + 0x38 bytes in.
const EXT_MAGIC: (usize, &[u8]) = (0x438, &[0x53, 0xef]);
/// ELF's magic, at the start of the file.
const ELF_MAGIC: &[u8] = b"\x7fELF";

/// The first `n` bytes of `path` (fewer if it is shorter).
fn head(path: &Path, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(n);
    std::fs::File::open(path)?
        .take(n as u64)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

fn has(data: &[u8], at: usize, magic: &[u8]) -> bool {
    data.get(at..at + magic.len()) == Some(magic)
}

/// The e_machine of an ELF header, either byte order.
fn elf_machine(data: &[u8]) -> Option<u16> {
    let b = data.get(18..20)?;
    Some(match data.get(5) {
        Some(2) => u16::from_be_bytes([b[0], b[1]]),
        _ => u16::from_le_bytes([b[0], b[1]]),
    })
}

/// The format QEMU is told for a disk image: qcow2 by its magic, else raw.
pub fn disk_format(path: &Path) -> DiskFormat {
    match head(path, QCOW2_MAGIC.len()) {
        Ok(h) if h == QCOW2_MAGIC => DiskFormat::Qcow2,
        _ => DiskFormat::Raw,
    }
}

/// QEMU's name for a disk format.
pub fn format_name(f: DiskFormat) -> &'static str {
    match f {
        DiskFormat::Qcow2 => "qcow2",
        DiskFormat::Raw => "raw",
    }
}

/// Refuse a `--linux-exec` that is missing or not a kernel the emulator
/// boots for this arch: the arch's image (its magic number) or, where the
/// board boots one as Linux, an ELF vmlinux of the arch.
pub fn check_linux_exec(file: &Path, config: &Config) -> Result<()> {
    let a = config.arch.facts();
    let (at, magic) = a.linux_image_magic;
    let data = head(file, 0x400).map_err(|e| {
        UsageError::new(format!(
            "--linux-exec {}: cannot be read ({e}); give the kernel image to boot",
            file.display()
        ))
    })?;
    let elf_arch = has(&data, 0, ELF_MAGIC)
        .then(|| elf_machine(&data))
        .flatten()
        .map(crate::facts::Arch::from_elf_machine);
    let boots_image = config.emulator.facts().boots == KernelFile::Image;
    let boots_elf = crate::facts::machine(config.arch, config.emulator).boots_elf_kernel;
    let name = config.emulator.facts().name;
    let why = match elf_arch {
        Some(Some(arch)) if arch == config.arch && boots_elf => return Ok(()),
        Some(Some(arch)) if arch == config.arch => format!(
            "it is an ELF vmlinux, which {name} loads on this board as a bare program, not as \
             Linux; give its {} instead",
            a.linux_image_target
        ),
        Some(Some(arch)) => format!("it is an ELF for {arch}, not {}", a.name),
        Some(None) => format!("it is an ELF for none of lkmc's archs, not {}", a.name),
        None if boots_image && has(&data, at, magic) => return Ok(()),
        None if boots_image => format!(
            "it is not an {} kernel image ({} has {magic:02x?} at {at:#x}){}",
            a.name,
            a.linux_image_target,
            if boots_elf { " nor an ELF vmlinux" } else { "" }
        ),
        None => format!("{name} boots the ELF vmlinux, and this is no ELF"),
    };
    Err(UsageError::new(format!(
        "--linux-exec {}: not a kernel for {}: {why}.\nGive a kernel built for it, e.g. \
         $(lkmc getvar --arch {} {}) of an lkmc build",
        file.display(),
        a.name,
        a.name,
        if boots_image {
            "linux_image"
        } else {
            "vmlinux"
        }
    ))
    .into())
}

/// Refuse a `--disk-image` that is missing, or not a root filesystem image
/// the emulator reads: a qcow2 (QEMU), or a raw ext2/3/4 image (the root
/// filesystems lkmc's kernel mounts).
pub fn check_disk_image(file: &Path, config: &Config) -> Result<()> {
    let data = head(file, 0x440).map_err(|e| {
        UsageError::new(format!(
            "--disk-image {}: cannot be read ({e}); give the root filesystem image to boot",
            file.display()
        ))
    })?;
    let reads = config.emulator.facts();
    if has(&data, 0, QCOW2_MAGIC) {
        if reads.disk == DiskFormat::Qcow2 {
            return Ok(());
        }
        return Err(UsageError::new(format!(
            "--disk-image {}: a qcow2 image, and {} reads raw images only.\nConvert a copy: \
             qemu-img convert -O raw {} rootfs.ext4",
            file.display(),
            reads.name,
            file.display()
        ))
        .into());
    }
    if has(&data, EXT_MAGIC.0, EXT_MAGIC.1) {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "--disk-image {}: neither a qcow2 image nor a raw ext2/3/4 filesystem (no magic \
         number of either), so the guest would find no root filesystem on it.\nGive one such \
         as lkmc's own: $(lkmc getvar --arch {} disk_image)",
        file.display(),
        config.arch
    ))
    .into())
}
