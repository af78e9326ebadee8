//! The little of an ELF file lkmc reads itself: its type and entry point,
//! whether it has DWARF debug info, its executable segments and its function
//! symbols (`getvar entry_address`, `trace2line`).
//!
//! 32- and 64-bit, either byte order; reads the file, runs nothing. A file
//! that is not an ELF, or is cut short, is an error naming it.

use std::path::Path;

use anyhow::{Result, bail};

/// What lkmc reads of an ELF file.
#[derive(Debug, Default)]
pub struct Elf {
    /// ET_DYN: position independent (a PIE, a shared library), loaded at a
    /// bias chosen at run time.
    pub position_independent: bool,
    /// The entry point (e_entry).
    pub entry: u64,
    /// It has a .debug_info section (DWARF).
    pub has_debug_info: bool,
    /// Address ranges of the PT_LOAD segments with PF_X, `[start, end)`.
    pub exec_segments: Vec<(u64, u64)>,
    /// Function symbols of .symtab: name, address, size (on 32-bit Arm
    /// without the Thumb bit, so at the function's first instruction).
    pub functions: Vec<(String, u64, u64)>,
}

const PT_LOAD: u32 = 1;
const PF_X: u32 = 1;
const SHT_SYMTAB: u32 = 2;
const STT_FUNC: u8 = 2;
const ET_DYN: u16 = 3;
const EM_ARM: u16 = 40;

/// Little- or big-endian reads at offsets into the file, failing past its end.
struct Reader<'a> {
    data: &'a [u8],
    little: bool,
    wide: bool,
}

impl Reader<'_> {
    fn bytes(&self, at: u64, n: usize) -> Result<&[u8]> {
        let at = usize::try_from(at)?;
        match self.data.get(at..at.saturating_add(n)) {
            Some(b) => Ok(b),
            None => bail!("cut short (a read at {at:#x} is past its end)"),
        }
    }
    fn u16(&self, at: u64) -> Result<u16> {
        let b: [u8; 2] = self.bytes(at, 2)?.try_into()?;
        Ok(if self.little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    }
    fn u32(&self, at: u64) -> Result<u32> {
        let b: [u8; 4] = self.bytes(at, 4)?.try_into()?;
        Ok(if self.little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }
    fn u64(&self, at: u64) -> Result<u64> {
        let b: [u8; 8] = self.bytes(at, 8)?.try_into()?;
        Ok(if self.little {
            u64::from_le_bytes(b)
        } else {
            u64::from_be_bytes(b)
        })
    }
    /// An address or offset: 8 bytes in a 64-bit ELF, 4 in a 32-bit one.
    fn word(&self, at: u64) -> Result<u64> {
        if self.wide {
            self.u64(at)
        } else {
            self.u32(at).map(u64::from)
        }
    }
    /// The NUL-terminated string at `at`.
    fn string(&self, at: u64) -> Result<String> {
        let start = usize::try_from(at)?;
        let rest = self.data.get(start..).unwrap_or_default();
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        Ok(String::from_utf8_lossy(&rest[..end]).into_owned())
    }
}

/// Read `path` as an ELF file.
pub fn read(path: &Path) -> Result<Elf> {
    let data = std::fs::read(path)?;
    parse(&data).map_err(|e| anyhow::anyhow!("{}: not a readable ELF file: {e}", path.display()))
}

fn parse(data: &[u8]) -> Result<Elf> {
    if data.get(..4) != Some(b"\x7fELF") {
        bail!("no ELF magic");
    }
    let r = Reader {
        data,
        wide: data.get(4) == Some(&2),
        little: data.get(5) != Some(&2),
    };
    // Offsets of the header fields that differ between the two classes.
    let (entry, phoff, shoff, sizes) = if r.wide {
        (0x18, 0x20, 0x28, 0x36)
    } else {
        (0x18, 0x1c, 0x20, 0x2a)
    };
    let mut elf = Elf {
        position_independent: r.u16(0x10)? == ET_DYN,
        entry: r.word(entry)?,
        ..Elf::default()
    };
    let arm = r.u16(0x12)? == EM_ARM;
    let (phoff, shoff) = (r.word(phoff)?, r.word(shoff)?);
    let (phentsize, phnum) = (r.u16(sizes)?, r.u16(sizes + 2)?);
    let (shentsize, shnum, shstrndx) = (r.u16(sizes + 4)?, r.u16(sizes + 6)?, r.u16(sizes + 8)?);
    for i in 0..u64::from(phnum) {
        let ph = phoff + i * u64::from(phentsize);
        let (flags, vaddr, memsz) = if r.wide {
            (r.u32(ph + 4)?, r.u64(ph + 0x10)?, r.u64(ph + 0x28)?)
        } else {
            (r.u32(ph + 0x18)?, r.word(ph + 8)?, r.word(ph + 0x14)?)
        };
        if r.u32(ph)? == PT_LOAD && flags & PF_X != 0 {
            elf.exec_segments.push((vaddr, vaddr + memsz));
        }
    }
    // Section header fields: name, type, offset, size, link, entsize.
    let section = |i: u64| -> Result<(u32, u32, u64, u64, u32, u64)> {
        let sh = shoff + i * u64::from(shentsize);
        Ok(if r.wide {
            let (off, size) = (r.u64(sh + 0x18)?, r.u64(sh + 0x20)?);
            (
                r.u32(sh)?,
                r.u32(sh + 4)?,
                off,
                size,
                r.u32(sh + 0x28)?,
                r.u64(sh + 0x38)?,
            )
        } else {
            let (off, size) = (r.word(sh + 0x10)?, r.word(sh + 0x14)?);
            (
                r.u32(sh)?,
                r.u32(sh + 4)?,
                off,
                size,
                r.u32(sh + 0x18)?,
                r.word(sh + 0x24)?,
            )
        })
    };
    if shnum == 0 {
        return Ok(elf);
    }
    let names = section(u64::from(shstrndx))?.2;
    for i in 0..u64::from(shnum) {
        let (name, kind, off, size, link, entsize) = section(i)?;
        if r.string(names + u64::from(name))? == ".debug_info" {
            elf.has_debug_info = true;
        }
        if kind != SHT_SYMTAB || entsize == 0 {
            continue;
        }
        let strtab = section(u64::from(link))?.2;
        for s in 0..size / entsize {
            let sym = off + s * entsize;
            // st_name, st_info, st_value, st_size.
            let (name, info, value, size) = if r.wide {
                (
                    r.u32(sym)?,
                    r.bytes(sym + 4, 1)?[0],
                    r.u64(sym + 8)?,
                    r.u64(sym + 0x10)?,
                )
            } else {
                (
                    r.u32(sym)?,
                    r.bytes(sym + 0xc, 1)?[0],
                    r.word(sym + 4)?,
                    r.word(sym + 8)?,
                )
            };
            if info & 0xf == STT_FUNC && value != 0 {
                let value = if arm { value & !1 } else { value };
                elf.functions
                    .push((r.string(strtab + u64::from(name))?, value, size));
            }
        }
    }
    Ok(elf)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// lkmc's own test binary: a 64-bit little-endian ELF with symbols.
    /// Never inlined: in a release build the harness may otherwise inline
    /// it into its caller, and its name would not be in .symtab.
    #[test]
    #[inline(never)]
    fn reads_this_test_binary() {
        let exe = std::env::current_exe().unwrap();
        let elf = read(&exe).unwrap();
        assert!(!elf.exec_segments.is_empty());
        assert!(elf.entry != 0);
        let (_, start, _) = elf
            .functions
            .iter()
            .find(|(n, _, _)| n.contains("reads_this_test_binary"))
            .expect("this test's own function is in .symtab");
        assert!(
            elf.exec_segments
                .iter()
                .any(|(a, b)| a <= start && start < b)
        );
    }

    #[test]
    fn refuses_what_is_not_an_elf() {
        assert!(
            parse(b"#!/bin/sh\n")
                .unwrap_err()
                .to_string()
                .contains("magic")
        );
        assert!(
            parse(b"\x7fELF\x02\x01")
                .unwrap_err()
                .to_string()
                .contains("cut short")
        );
    }
}
