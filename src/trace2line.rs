//! `lkmc trace2line`: an instruction trace of QEMU, as source lines.
//!
//! Reads the addresses of a trace (`-d in_asm` of `--trace-insts-stdout`,
//! or the `exec_tb` lines of `--trace exec_tb`), places them in the traced
//! ELF (vmlinux, or a `--userland` program, whose load bias a
//! position-independent build needs), asks the toolchain's addr2line for
//! each distinct one and prints the function and file:line of each, one
//! line per run of addresses on the same line. Runs addr2line; writes only
//! the run dir's trace-lines.txt.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::Trace2lineArgs;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::elf::Elf;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Executor, write_file};

/// What a trace holds: instruction addresses in order, and the function
/// names QEMU put on its blocks (`IN: main`) with their first address.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Trace {
    pub addrs: Vec<u64>,
    pub named_blocks: Vec<(u64, String)>,
}

/// The addresses of a QEMU trace: `0xADDR:` instruction lines of -d in_asm
/// (each after an `IN: SYMBOL` line) and `pc=0xADDR` of exec_tb events.
pub fn parse(text: &str) -> Trace {
    let mut t = Trace::default();
    let mut block: Option<String> = None;
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(sym) = line.strip_prefix("IN:") {
            block = Some(sym.trim().to_string());
            continue;
        }
        let hex = if let Some(rest) = line.strip_prefix("0x") {
            rest.split(':').next().filter(|_| rest.contains(':'))
        } else if line.contains("exec_tb") {
            line.split_whitespace()
                .find_map(|w| w.strip_prefix("pc=0x"))
        } else {
            None
        };
        let Some(addr) = hex.and_then(|h| u64::from_str_radix(h, 16).ok()) else {
            continue;
        };
        if let Some(sym) = block.take().filter(|s| !s.is_empty()) {
            t.named_blocks.push((addr, sym));
        }
        t.addrs.push(addr);
    }
    t
}

/// Where a position-independent `elf` was loaded: the bias that most
/// blocks give when they start one of its functions, page aligned as
/// loaders place programs. Blocks QEMU named (`IN: main`, -d in_asm) count
/// for their function only; without names (exec_tb), every block counts
/// for each function whose start it could be. None: no block says.
pub fn load_bias(elf: &Elf, trace: &Trace) -> Option<u64> {
    let mut votes: HashMap<u64, usize> = HashMap::new();
    let mut vote = |addr: u64, start: u64| {
        if let Some(bias) = addr.checked_sub(start)
            && bias & 0xfff == 0
        {
            *votes.entry(bias).or_default() += 1;
        }
    };
    if trace.named_blocks.is_empty() {
        // Function starts by their offset in a page: only those can match.
        let mut by_page_offset: HashMap<u64, Vec<u64>> = HashMap::new();
        for (_, start, _) in &elf.functions {
            by_page_offset
                .entry(start & 0xfff)
                .or_default()
                .push(*start);
        }
        let distinct: BTreeSet<u64> = trace.addrs.iter().copied().collect();
        for addr in distinct {
            for start in by_page_offset.get(&(addr & 0xfff)).into_iter().flatten() {
                vote(addr, *start);
            }
        }
    } else {
        let starts: HashMap<&str, u64> = elf
            .functions
            .iter()
            .map(|(n, a, _)| (n.as_str(), *a))
            .collect();
        for (addr, sym) in &trace.named_blocks {
            if let Some(start) = starts.get(sym.as_str()) {
                vote(*addr, *start);
            }
        }
    }
    votes
        .into_iter()
        .max_by_key(|(bias, n)| (*n, std::cmp::Reverse(*bias)))
        .map(|(bias, _)| bias)
}

/// One source location, as addr2line names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub function: String,
    pub place: String,
}

/// Parse `addr2line -a -f -C` output: an `0xADDR` line, the function, then
/// FILE:LINE, for each address asked.
pub fn parse_addr2line(out: &str) -> HashMap<u64, Line> {
    let mut map = HashMap::new();
    let mut lines = out.lines().peekable();
    while let Some(l) = lines.next() {
        let Some(addr) = l
            .trim()
            .strip_prefix("0x")
            .and_then(|h| u64::from_str_radix(h, 16).ok())
        else {
            continue;
        };
        let function = lines.next().unwrap_or("??").trim().to_string();
        // Drop addr2line's " (discriminator N)" note.
        let place = lines.next().unwrap_or("??:0").trim();
        let place = place.split(" (discriminator").next().unwrap_or(place);
        map.insert(
            addr,
            Line {
                function,
                place: place.to_string(),
            },
        );
    }
    map
}

/// The lines to print: one per address, or one per run of addresses on the
/// same source line, with how many there were.
pub fn render(addrs: &[u64], lines: &HashMap<u64, Line>, collapse: bool) -> String {
    let unknown = Line {
        function: "??".into(),
        place: "??:0".into(),
    };
    let mut text = String::new();
    let mut i = 0;
    while i < addrs.len() {
        let line = lines.get(&addrs[i]).unwrap_or(&unknown);
        if !collapse {
            text.push_str(&format!(
                "{:#x} {} {}\n",
                addrs[i], line.function, line.place
            ));
            i += 1;
            continue;
        }
        let n = addrs[i..]
            .iter()
            .take_while(|a| lines.get(a).unwrap_or(&unknown) == line)
            .count();
        text.push_str(&format!("{n:>6} {} {}\n", line.function, line.place));
        i += n;
    }
    text
}

/// `lkmc trace2line`.
pub fn main(args: &Trace2lineArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    if configs.len() > 1 {
        return Err(UsageError::new(
            "lkmc trace2line reads one arch's trace; give a single --arch",
        )
        .into());
    }
    let config = &configs[0];
    let paths = Paths::new(config);
    let program = traced_elf(args, config, &paths)?;
    let addr2line = addr2line(&paths, !exec.dry_run);
    let cmd = addr2line_cmd(&addr2line, &program, &paths);
    if exec.dry_run {
        exec.show_cmd(&cmd);
        return Ok(ExitCode::SUCCESS);
    }
    let elf = crate::elf::read(&program)?;
    if !elf.has_debug_info {
        return Err(UsageError::new(format!(
            "{} has no debug info (no .debug_info section), so addr2line cannot name source \
             lines in it.\nBuild it with -g: lkmc's userland builds have it (-g3), a kernel \
             needs CONFIG_DEBUG_INFO (lkmc's config has it).",
            program.display()
        ))
        .into());
    }
    let trace_file = trace_file(args, &paths)?;
    let text = std::fs::read_to_string(&trace_file)
        .with_context(|| format!("reading {}", trace_file.display()))?;
    let trace = parse(&text);
    if trace.addrs.is_empty() {
        return Err(UsageError::new(format!(
            "{}: no instruction addresses in it. Make a trace with lkmc run \
             --trace-insts-stdout (QEMU's -d in_asm) or --trace exec_tb.",
            trace_file.display()
        ))
        .into());
    }
    let bias = match args.load_bias {
        Some(b) => b,
        None if !elf.position_independent => 0,
        None => load_bias(&elf, &trace).ok_or_else(|| {
            UsageError::new(format!(
                "{} is position independent, and no block of the trace starts one of its \
                 functions, so where it was loaded is unknown; give it: --load-bias ADDR",
                program.display()
            ))
        })?,
    };
    let inside = |a: &u64| {
        a.checked_sub(bias)
            .is_some_and(|a| elf.exec_segments.iter().any(|(s, e)| *s <= a && a < *e))
    };
    let addrs: Vec<u64> = trace
        .addrs
        .iter()
        .filter(|a| inside(a))
        .map(|a| a - bias)
        .collect();
    let outside = trace.addrs.len() - addrs.len();
    if addrs.is_empty() {
        return Err(UsageError::new(format!(
            "none of the {} addresses of {} is in {} (load bias {bias:#x}): is it the \
             program that was traced?",
            trace.addrs.len(),
            trace_file.display(),
            program.display()
        ))
        .into());
    }
    let distinct: BTreeSet<u64> = addrs.iter().copied().collect();
    let list: String = distinct.iter().map(|a| format!("{a:#x}\n")).collect();
    let lines = run_addr2line(&cmd, &list)?;
    let out = render(&addrs, &lines, !args.no_collapse);
    write_file(&paths.run_dir.join("trace-lines.txt"), &out, false)?;
    if outside > 0 && !config.quiet {
        eprintln!(
            "lkmc: {outside} of {} addresses are outside {} (shared libraries, the loader, \
             another program): left out",
            trace.addrs.len(),
            program.display()
        );
    }
    crate::plan::print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The ELF the trace ran: the --userland program (already built), or vmlinux.
fn traced_elf(args: &Trace2lineArgs, config: &Config, paths: &Paths) -> Result<PathBuf> {
    let Some(path) = &args.userland else {
        if !config.dry_run && !paths.vmlinux.is_file() {
            return Err(UsageError::new(format!(
                "no kernel to read lines from: {} is not built (lkmc build --arch {} linux), \
                 or name the traced program: --userland PROG",
                paths.vmlinux.display(),
                config.arch
            ))
            .into());
        }
        return Ok(paths.vmlinux.clone());
    };
    let abs = std::path::absolute(path)?;
    let is_src = abs
        .extension()
        .is_some_and(|e| crate::build::userland::EXTS.iter().any(|x| e == *x));
    let exe = if is_src {
        let arg = abs.to_string_lossy().into_owned();
        crate::build::userland::programs(&[arg], config, paths)?
            .first()
            .map(|prog| prog.out.clone())
            .unwrap_or_else(|| abs.clone())
    } else {
        abs.clone()
    };
    if !config.dry_run && !exe.is_file() {
        return Err(UsageError::new(format!(
            "--userland {}: {} is not built; run it first: lkmc run --arch {} --userland {} \
             --trace-insts-stdout",
            path.display(),
            exe.display(),
            config.arch,
            path.display()
        ))
        .into());
    }
    Ok(exe)
}

/// The trace to read: the one named, or the run dir's newest of trace.txt
/// (--trace) and termout.txt (--trace-insts-stdout).
fn trace_file(args: &Trace2lineArgs, paths: &Paths) -> Result<PathBuf> {
    if let Some(f) = &args.trace {
        if !f.is_file() {
            return Err(UsageError::new(format!("{}: no such trace file", f.display())).into());
        }
        return Ok(f.clone());
    }
    let modified = |f: &Path| std::fs::metadata(f).and_then(|m| m.modified()).ok();
    let candidates = [&paths.trace_txt_file, &paths.termout_file];
    candidates
        .into_iter()
        .filter_map(|f| modified(f).map(|t| (t, f.clone())))
        .max_by_key(|(t, _)| *t)
        .map(|(_, f)| f)
        .ok_or_else(|| {
            UsageError::new(format!(
                "no trace in {}: run with --trace-insts-stdout (or --trace exec_tb) first, \
                 with the same --arch and --run-id, or give the trace file",
                paths.run_dir.display()
            ))
            .into()
        })
}

/// The arch's addr2line: the toolchain's, else (when `look`ing in PATH,
/// which a dry run does not) one that reads every arch: llvm-addr2line,
/// binutils-multiarch's addr2line.
fn addr2line(paths: &Paths, look: bool) -> PathBuf {
    let own = paths.toolchain_tool("addr2line");
    if !look {
        return own;
    }
    let found = |t: &Path| {
        if t.components().count() > 1 {
            t.is_file()
        } else {
            which::which(t).is_ok()
        }
    };
    [own.clone(), "llvm-addr2line".into(), "addr2line".into()]
        .into_iter()
        .find(|t| found(t))
        .unwrap_or(own)
}

/// addr2line on `program`, for the addresses of the run dir's
/// trace-addresses.txt (one per line), each with its function.
fn addr2line_cmd(addr2line: &Path, program: &Path, paths: &Paths) -> Cmd {
    let mut cmd = Cmd::new(p(addr2line)).line(["-a", "-f", "-C", "-e", &p(program)]);
    cmd.stdin = Some(paths.run_dir.join("trace-addresses.txt"));
    cmd
}

/// Every address of `list` (one per line) as a source line.
fn run_addr2line(cmd: &Cmd, list: &str) -> Result<HashMap<u64, Line>> {
    if let Some(input) = &cmd.stdin {
        write_file(input, list, false)?;
    }
    let out = crate::process::output(cmd, None)?;
    if !out.status.success() {
        return Err(anyhow::anyhow!(
            "{} failed: {}",
            cmd.render(true),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(parse_addr2line(&String::from_utf8_lossy(&out.stdout)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const IN_ASM: &str = "\
----------------
IN: _start
0x555555557040:  31 ed                    xorl     %ebp, %ebp
0x555555557042:  49 89 d1                 movq     %rdx, %r9

----------------
IN: main
0x555555557147:  55                       pushq    %rbp
0x555555557148:  48 89 e5                 movq     %rsp, %rbp

hello from the guest: 0x12 is not an address line
exec_tb tb:0x7f50d4000040 pc=0x401f40
";

    #[test]
    fn parses_in_asm_and_exec_tb() {
        let t = parse(IN_ASM);
        assert_eq!(
            t.addrs,
            [
                0x555555557040,
                0x555555557042,
                0x555555557147,
                0x555555557148,
                0x401f40
            ]
        );
        assert_eq!(
            t.named_blocks,
            [
                (0x555555557040, "_start".to_string()),
                (0x555555557147, "main".to_string())
            ]
        );
    }

    #[test]
    fn the_bias_is_where_named_blocks_start_their_functions() {
        let elf = Elf {
            position_independent: true,
            functions: vec![
                ("_start".into(), 0x1040, 0x26),
                ("main".into(), 0x1147, 0x40),
            ],
            ..Elf::default()
        };
        assert_eq!(load_bias(&elf, &parse(IN_ASM)), Some(0x555555556000));
        assert_eq!(load_bias(&elf, &Trace::default()), None);
        // exec_tb: no names; the blocks that start functions agree.
        let exec_tb = Trace {
            addrs: vec![
                0x7f00_0000_1040,
                0x7f00_0000_1147,
                0x7f00_0000_1150,
                0x7e00_0000_0040,
            ],
            named_blocks: vec![],
        };
        assert_eq!(load_bias(&elf, &exec_tb), Some(0x7f00_0000_0000));
    }

    #[test]
    fn collapses_runs_of_one_line() {
        let out = "0x0000000000001147\nmain\n/s/hello.c:3\n\
                   0x0000000000001148\nmain\n/s/hello.c:3 (discriminator 1)\n\
                   0x1150\nf\n/s/hello.c:9\n";
        let lines = parse_addr2line(out);
        assert_eq!(lines[&0x1148].place, "/s/hello.c:3");
        let addrs = [0x1147, 0x1148, 0x1150, 0x1147];
        assert_eq!(
            render(&addrs, &lines, true),
            "     2 main /s/hello.c:3\n     1 f /s/hello.c:9\n     1 main /s/hello.c:3\n"
        );
        assert!(render(&addrs, &lines, false).starts_with("0x1147 main /s/hello.c:3\n"));
    }
}
