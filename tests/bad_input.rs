//! A kept matrix of bad input, across every subcommand: each row must exit
//! with status 2 (lkmc's usage error, and clap's), say on stderr what was
//! wrong (the value, the name, the option) and how to fix it (the command
//! or option to use), and change nothing: the row's scratch out dir does not
//! appear (or, when the row set one up, holds what it held), and
//! `git status` of the checkout is what it was.
//!
//! No row needs anything built, a network or an emulator: a row that would
//! start one is a bug the row catches (each run is stopped after a while).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_lkmc");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// How long a row may take; a refusal is immediate.
const PATIENCE: Duration = Duration::from_secs(30);

/// One bad input.
struct Case {
    name: &'static str,
    /// lkmc's arguments (after `--out-dir $OUT`); `$S` is the row's scratch
    /// dir, `$OUT` the out dir in it, `$ROOT` the checkout.
    argv: &'static [&'static str],
    /// Files the row needs first, if any.
    setup: Option<fn(&Scratch) -> Prep>,
    /// What stderr must contain (same placeholders).
    want: &'static [&'static str],
}

/// What a row's setup left for the run.
enum Prep {
    Ready,
    /// A lock held while lkmc runs.
    Hold(#[allow(dead_code)] std::fs::File),
    /// The row cannot be checked on this machine, for this reason.
    Skip(&'static str),
}

/// A row's scratch dir, outside the checkout, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("lkmc-bad-input-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
    fn out(&self) -> PathBuf {
        self.path("out")
    }
    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
    fn expand(&self, s: &str) -> String {
        s.replace("$OUT", &self.out().to_string_lossy())
            .replace("$S", &self.0.to_string_lossy())
            .replace("$ROOT", ROOT)
    }
    /// `lkmc getvar NAME` for this row's out dir (and `args`).
    fn getvar(&self, args: &[&str], name: &str) -> PathBuf {
        let out = lkmc(self, args.iter().copied().chain(["getvar", name]))
            .output()
            .unwrap();
        assert!(out.status.success(), "getvar {name} failed");
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
    }
    /// Empty files where a Linux boot of `args` reads its kernel image and
    /// disk: enough to get past "nothing to boot", never enough to boot.
    fn fake_boot_inputs(&self, args: &[&str]) {
        for (name, text) in [
            ("linux_image", &b"not a real one\n"[..]),
            // qcow2's magic, so that the disk passes lkmc's look at it.
            ("disk_image", &b"QFI\xfb not a real one\n"[..]),
        ] {
            let p = self.getvar(args, name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// lkmc in the checkout, with no config file, no root and no tmux from the
/// environment, into the row's out dir.
fn lkmc<'a>(s: &Scratch, args: impl IntoIterator<Item = &'a str>) -> Command {
    let mut c = Command::new(BIN);
    // Before the subcommand (it is global): words after `--` are make's.
    c.arg("--out-dir")
        .arg(s.out())
        .args(args)
        .current_dir(ROOT)
        // An empty config file: not a developer's lkmc.toml in the checkout.
        .env("LKMC_CONFIG", s.write("empty.toml", ""))
        .env_remove("LKMC_ROOT")
        .env_remove("LKMC_LOG")
        .env_remove("TMUX")
        // No row needs a network; a fetch must be refused, not tried.
        .env("LKMC_OFFLINE", "1")
        .stdin(Stdio::null());
    c
}

/// Every file and dir under `dir` with its size, sorted (None: no `dir`).
fn listing(dir: &Path) -> Option<Vec<(PathBuf, u64)>> {
    if !dir.exists() {
        return None;
    }
    let mut v: Vec<(PathBuf, u64)> = walk(dir)
        .into_iter()
        .map(|p| {
            let len = std::fs::symlink_metadata(&p).map(|m| m.len()).unwrap_or(0);
            (p, len)
        })
        .collect();
    v.sort();
    Some(v)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// `git status --porcelain` of the checkout (None: not a git checkout).
fn git_status() -> Option<String> {
    let out = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=all"])
        .current_dir(ROOT)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The first bytes of an ELF executable for `e_machine`: what lkmc reads
/// to tell an executable's arch.
fn elf_header(machine: u16) -> Vec<u8> {
    let mut h = vec![0u8; 64];
    h[..4].copy_from_slice(b"\x7fELF");
    h[4] = 2; // 64-bit
    h[5] = 1; // little endian
    h[6] = 1; // version
    h[16..18].copy_from_slice(&2u16.to_le_bytes()); // ET_EXEC
    h[18..20].copy_from_slice(&machine.to_le_bytes());
    h
}

/// An arch of ours that the host is not, and its e_machine.
fn foreign_arch() -> (&'static str, u16) {
    if std::env::consts::ARCH == "aarch64" {
        ("x86_64", 62)
    } else {
        ("aarch64", 183)
    }
}

fn source_outside_the_trees(s: &Scratch) -> Prep {
    s.write("x.c", "int main(void) { return 0; }\n");
    Prep::Ready
}

fn text_file(s: &Scratch) -> Prep {
    s.write("notes.txt", "not a program\n");
    Prep::Ready
}

fn config_file(s: &Scratch, text: &str) -> Prep {
    s.write("lkmc.toml", text);
    Prep::Ready
}

/// A kernel, and a disk image that is not a qcow2 (cut short, overwritten).
fn corrupt_disk(s: &Scratch) -> Prep {
    s.fake_boot_inputs(&[]);
    std::fs::write(s.getvar(&[], "disk_image"), "cut short").unwrap();
    Prep::Ready
}

/// A kernel and disk, and a --dtb that is a text file, not a blob.
fn not_a_dtb(s: &Scratch) -> Prep {
    s.fake_boot_inputs(&[]);
    s.write("board.dtb", "/dts-v1/;\n/ { };\n");
    Prep::Ready
}

/// A program with debug info and no trace of it.
fn program_with_debug_info(s: &Scratch) -> Prep {
    // Compiled here rather than borrowing lkmc's own binary, which has no
    // debug info in a release build.
    s.write("prog.c", "int main(void) { return 0; }\n");
    let built = std::process::Command::new("cc")
        .args(["-g", "-o"])
        .arg(s.path("prog.out"))
        .arg(s.path("prog.c"))
        .status();
    match built {
        Ok(st) if st.success() => Prep::Ready,
        _ => Prep::Skip("no host C compiler (cc) to build a program with -g"),
    }
}

/// A program without debug info (a copy of the host's stripped `true`) and
/// a trace of it.
fn stripped_program(s: &Scratch) -> Prep {
    let Ok(bytes) = std::fs::read("/bin/true") else {
        return Prep::Skip("no /bin/true to copy");
    };
    s.write("true.out", bytes);
    s.write("trace.txt", "IN: main\n0x1000:  nop\n");
    Prep::Ready
}

/// The run's out dir with a run id's lock held, as by a run going on.
fn busy_run_id(s: &Scratch) -> Prep {
    s.fake_boot_inputs(&[]);
    let lock = s.getvar(&["--run-id", "7"], "run_lock_file");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let f = std::fs::File::create(&lock).unwrap();
    f.lock().unwrap();
    Prep::Hold(f)
}

/// A recording made with other options than the replay's.
fn other_recording(s: &Scratch) -> Prep {
    s.fake_boot_inputs(&[]);
    let cmd = s.getvar(&[], "qemu_rr_cmd_file");
    std::fs::create_dir_all(cmd.parent().unwrap()).unwrap();
    std::fs::write(&cmd, "qemu-system-x86_64 -m 2G ... (another run's)\n").unwrap();
    std::fs::write(s.getvar(&[], "qemu_rrfile"), "").unwrap();
    std::fs::write(s.getvar(&[], "run_lock_file"), "").unwrap();
    Prep::Ready
}

/// A stand-in for QEMU's monitor on the monitor port of `run_id`, speaking
/// as QEMU 10 does (telnet options, banner, prompt, echo), with one snapshot
/// `kept`. It serves until the test process ends.
fn fake_monitor(s: &Scratch, run_id: &str) -> Prep {
    use std::io::{BufRead, Write};
    let port = s.getvar(&["--run-id", run_id], "monitor_port");
    let port: u16 = port.to_string_lossy().parse().unwrap();
    let Ok(listener) = std::net::TcpListener::bind(("127.0.0.1", port)) else {
        return Prep::Skip("the fake monitor's port is taken here");
    };
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let mut w = conn.try_clone().unwrap();
            let _ = w.write_all(b"\xff\xfb\x01QEMU 10.0.2 monitor\r\n(qemu) ");
            for line in std::io::BufReader::new(conn).lines() {
                let Ok(line) = line else { break };
                let answer = match line.as_str() {
                    "info snapshots" => {
                        "List of snapshots present on all disks:\r\n\
ID      TAG               VM_SIZE                DATE        VM_CLOCK     ICOUNT\r\n\
--      kept             1.27 MiB 2026-12-04 18:41:42  0000:00:00.000         --\r\n"
                    }
                    _ => "Error: the fake monitor takes only info snapshots\r\n",
                };
                let _ = w.write_all(format!("{line}\x1b[K\r\n{answer}(qemu) ").as_bytes());
            }
        }
    });
    Prep::Ready
}

/// The matrix.
const CASES: &[Case] = &[
    // ---- the QEMU monitor and snapshots -----------------------------------
    Case {
        name: "qemu-monitor-no-guest",
        argv: &["--run-id", "987", "qemu-monitor", "info", "status"],
        setup: None,
        want: &[
            "no QEMU guest of x86_64 is running on run id 987",
            "localhost:55324",
            "lkmc run --arch x86_64 --run-id 987 --background",
        ],
    },
    Case {
        name: "snapshot-no-guest",
        argv: &["--run-id", "987", "--arch", "arm", "snapshot", "list"],
        setup: None,
        want: &[
            "no QEMU guest of arm is running on run id 987",
            "lkmc run --arch arm --run-id 987 --background",
            "lkmc snapshot --arch arm --run-id 987",
        ],
    },
    Case {
        name: "snapshot-load-missing",
        argv: &["--run-id", "986", "snapshot", "load", "nope"],
        setup: Some(|s| fake_monitor(s, "986")),
        want: &[
            "no snapshot `nope` in the QEMU guest of x86_64 on run id 986",
            "it has: kept",
            "lkmc snapshot --arch x86_64 --run-id 986 save nope",
        ],
    },
    Case {
        name: "qemu-monitor-loadvm-missing",
        argv: &["--run-id", "985", "qemu-monitor", "loadvm", "nope"],
        setup: Some(|s| fake_monitor(s, "985")),
        want: &["no snapshot `nope`", "it has: kept", "save nope"],
    },
    Case {
        name: "snapshot-name-digits",
        argv: &["snapshot", "save", "12"],
        setup: None,
        want: &["`12`", "snapshot ID", "s12"],
    },
    Case {
        name: "snapshot-name-with-space",
        argv: &["snapshot", "save", "a b"],
        setup: None,
        want: &["`a b` is not a snapshot name", "letters, digits"],
    },
    Case {
        name: "qemu-monitor-gem5",
        argv: &["-e", "gem5", "qemu-monitor", "info", "status"],
        setup: None,
        want: &["gem5 has none", "m5 checkpoint", "--gem5-restore"],
    },
    Case {
        name: "qemu-monitor-all-archs",
        argv: &["-A", "qemu-monitor", "info", "status"],
        setup: None,
        want: &["one guest at a time", "give one --arch"],
    },
    // ---- QEMU and crosstool-NG from source -------------------------------
    Case {
        name: "qemu-source-dir-not-qemu",
        argv: &[
            "build",
            "--arch",
            "aarch64",
            "--qemu-source-dir",
            "$ROOT/userland",
            "qemu",
        ],
        setup: None,
        want: &[
            "--qemu-source-dir $ROOT/userland",
            "is not a QEMU source tree",
            "configure",
        ],
    },
    Case {
        name: "crosstool-ng-source-dir-not-crosstool-ng",
        argv: &[
            "build",
            "--arch",
            "arm",
            "--crosstool-ng-source-dir",
            "$ROOT/userland",
            "crosstool-ng",
        ],
        setup: None,
        want: &[
            "--crosstool-ng-source-dir $ROOT/userland",
            "not a crosstool-NG source tree",
        ],
    },
    Case {
        name: "crosstool-ng-for-an-arch-without-baremetal",
        argv: &["build", "--arch", "x86_64", "crosstool-ng"],
        setup: None,
        want: &[
            "no crosstool-NG config for x86_64",
            "--arch arm or --arch aarch64",
        ],
    },
    Case {
        name: "gcc-which-crosstool-ng-before-it-is-built",
        argv: &[
            "build",
            "--arch",
            "aarch64",
            "--gcc-which",
            "crosstool-ng",
            "baremetal",
        ],
        setup: None,
        want: &[
            "--gcc-which crosstool-ng",
            "not built",
            "lkmc build --arch aarch64 crosstool-ng",
        ],
    },
    Case {
        name: "qemu-which-lkmc-before-it-is-built",
        argv: &[
            "run",
            "--arch",
            "arm",
            "--qemu-which",
            "lkmc",
            "--qemu-build-id",
            "mine",
            "--qemu-build-type",
            "debug",
            "--userland",
            "userland/c/hello.c",
        ],
        setup: None,
        want: &[
            "--qemu-which lkmc",
            "not built",
            "qemu-system-arm",
            "lkmc build --arch arm qemu --qemu-build-id mine --qemu-build-type debug",
        ],
    },
    // ---- unknown names --------------------------------------------------
    Case {
        name: "unknown-arch",
        argv: &["getvar", "--arch", "mips"],
        setup: None,
        want: &["'mips'", "--arch", "x86_64, arm, aarch64"],
    },
    Case {
        name: "unknown-emulator",
        argv: &["run", "--emulator", "bochs"],
        setup: None,
        want: &["'bochs'", "--emulator", "qemu, gem5, native"],
    },
    Case {
        name: "unknown-build-target",
        argv: &["build", "linx"],
        setup: None,
        want: &["`linx`", "did you mean linux"],
    },
    Case {
        name: "unknown-test-suite",
        argv: &["test", "bot"],
        setup: None,
        want: &["`bot`", "did you mean boot"],
    },
    Case {
        name: "unknown-test-module",
        argv: &["test", "modules", "helo"],
        setup: None,
        want: &["`helo`", "did you mean hello"],
    },
    Case {
        name: "missing-test-userland-file",
        argv: &["test", "userland", "$S/nosuch.c"],
        setup: None,
        want: &[
            "$S/nosuch.c does not exist",
            "give an existing userland source file",
        ],
    },
    Case {
        name: "test-baremetal-file-outside-the-trees",
        argv: &["test", "--arch", "arm", "baremetal", "$S/x.c"],
        setup: Some(source_outside_the_trees),
        want: &["$S/x.c is outside $ROOT/baremetal and $ROOT/userland"],
    },
    Case {
        name: "test-items-for-a-suite-without-items",
        argv: &["test", "boot", "hello"],
        setup: None,
        want: &["`hello`", "lkmc test modules hello"],
    },
    Case {
        name: "test-shard-index-above-count",
        argv: &["test", "--shard", "3/2"],
        setup: None,
        want: &["'3/2'", "--shard", "from 1 to N", "--shard 1/N ... N/N"],
    },
    Case {
        name: "test-shard-index-zero",
        argv: &["test", "--shard", "0/4"],
        setup: None,
        want: &["'0/4'", "--shard", "from 1 to N"],
    },
    Case {
        name: "test-shard-not-k-of-n",
        argv: &["test", "--shard", "half"],
        setup: None,
        want: &["`half` is not K/N", "like 2/4"],
    },
    Case {
        name: "test-filter-matching-nothing",
        argv: &["test", "--filter", "no case is called this"],
        setup: None,
        want: &[
            "--filter no case is called this matches none of the",
            "lkmc test --list",
        ],
    },
    Case {
        name: "test-junit-report-unwritable",
        argv: &["test", "boot", "--junit", "$S/no/such/dir/report.xml"],
        setup: None,
        want: &[
            "cannot write the --junit report $S/no/such/dir/report.xml",
            "writable directory",
        ],
    },
    Case {
        name: "test-durations-report-unwritable",
        argv: &["test", "boot", "--durations", "$S/no/such/dir/times.tsv"],
        setup: None,
        want: &["cannot write the --durations report $S/no/such/dir/times.tsv"],
    },
    Case {
        name: "doctor-unknown-option",
        argv: &["doctor", "--jsn"],
        setup: None,
        want: &["'--jsn'", "'--json'"],
    },
    Case {
        name: "unknown-getvar-variable",
        argv: &["getvar", "vmlinx"],
        setup: None,
        want: &["`vmlinx`", "did you mean: vmlinux"],
    },
    Case {
        name: "unknown-module-to-build",
        argv: &["build", "modules", "helo"],
        setup: None,
        want: &["`helo`", "did you mean hello"],
    },
    Case {
        name: "unknown-completions-shell",
        argv: &["completions", "tcsh"],
        setup: None,
        want: &["'tcsh'", "possible values: bash"],
    },
    // ---- paths that are missing, not sources, or outside the trees -------
    Case {
        name: "run-missing-userland-source",
        argv: &["run", "--userland", "/nonexistent.c"],
        setup: None,
        want: &[
            "--userland /nonexistent.c: no such source file",
            "give a .c",
        ],
    },
    Case {
        name: "run-userland-text-file",
        argv: &["run", "--userland", "$S/notes.txt"],
        setup: Some(text_file),
        want: &[
            "--userland $S/notes.txt: not a program",
            "Give a source file",
        ],
    },
    Case {
        name: "run-userland-executable-of-another-arch",
        argv: &["run", "--userland", "$S/prog"],
        setup: Some(|s| {
            s.write("prog", elf_header(foreign_arch().1));
            Prep::Ready
        }),
        want: &["--userland $S/prog: an executable for", "use --arch"],
    },
    Case {
        name: "build-userland-text-file",
        argv: &["build", "userland", "$S/notes.txt"],
        setup: Some(text_file),
        want: &["$S/notes.txt is not a userland source file (.c, .cpp or .S)"],
    },
    Case {
        name: "build-userland-missing-file",
        argv: &["build", "userland", "$S/nosuch.c"],
        setup: None,
        want: &[
            "$S/nosuch.c does not exist",
            "give an existing userland source file",
        ],
    },
    Case {
        name: "build-modules-missing-path",
        argv: &["build", "modules", "/nonexistent"],
        setup: None,
        want: &["/nonexistent is not a .c file or a directory holding .c files"],
    },
    Case {
        name: "build-baremetal-file-outside-the-trees",
        argv: &["build", "--arch", "arm", "baremetal", "$S/x.c"],
        setup: Some(source_outside_the_trees),
        want: &["$S/x.c is outside $ROOT/baremetal and $ROOT/userland"],
    },
    Case {
        name: "run-baremetal-source-of-another-arch",
        argv: &[
            "run",
            "--arch",
            "arm",
            "--baremetal",
            "$ROOT/baremetal/arch/aarch64/svc.c",
        ],
        setup: None,
        want: &["svc.c is not built for arm", "another arch"],
    },
    Case {
        name: "run-baremetal-image-of-another-arch",
        argv: &["run", "--arch", "arm", "--baremetal", "$S/svc.elf"],
        setup: Some(|s| {
            s.write("svc.elf", elf_header(183));
            Prep::Ready
        }),
        want: &[
            "--baremetal $S/svc.elf: an executable for aarch64, not arm",
            "use --arch aarch64",
        ],
    },
    Case {
        name: "run-baremetal-on-x86_64",
        argv: &[
            "run",
            "--arch",
            "x86_64",
            "--baremetal",
            "$ROOT/baremetal/hello.c",
        ],
        setup: None,
        want: &["x86_64", "--arch arm or --arch aarch64"],
    },
    Case {
        name: "corrupt-qcow2",
        argv: &["run", "--eval", "true"],
        setup: Some(corrupt_disk),
        want: &[
            "is not a qcow2 image",
            "lkmc build --arch x86_64 rootfs --force-rebuild",
        ],
    },
    Case {
        name: "dtb-not-a-dtb",
        argv: &[
            "run",
            "--arch",
            "aarch64",
            "--dtb",
            "$S/board.dtb",
            "--eval",
            "true",
        ],
        setup: Some(not_a_dtb),
        want: &[
            "--dtb $S/board.dtb: is not a device tree blob",
            "d00dfeed",
            "dtc -I dts -O dtb",
        ],
    },
    Case {
        name: "linux-exec-missing",
        argv: &["run", "--arch", "aarch64", "--linux-exec", "$S/no-Image"],
        setup: None,
        want: &[
            "--linux-exec $S/no-Image: cannot be read",
            "give the kernel image",
        ],
    },
    Case {
        name: "linux-exec-not-a-kernel",
        argv: &["run", "--arch", "aarch64", "--linux-exec", "$S/notes.txt"],
        setup: Some(|s| {
            s.write("notes.txt", "not a kernel\n");
            Prep::Ready
        }),
        want: &[
            "--linux-exec $S/notes.txt: not a kernel for aarch64",
            "it is not an aarch64 kernel image",
            "lkmc getvar --arch aarch64 linux_image",
        ],
    },
    Case {
        name: "linux-exec-of-another-arch",
        argv: &["run", "--arch", "arm", "--linux-exec", "$S/vmlinux"],
        setup: Some(|s| {
            // An x86_64 ELF header (e_machine 62).
            let mut elf = vec![0u8; 64];
            elf[..4].copy_from_slice(b"\x7fELF");
            elf[4] = 2;
            elf[5] = 1;
            elf[18] = 62;
            s.write("vmlinux", elf);
            Prep::Ready
        }),
        want: &["--linux-exec $S/vmlinux: not a kernel for arm: it is an ELF for x86_64"],
    },
    Case {
        name: "linux-exec-vmlinux-on-qemu-aarch64",
        argv: &["run", "--arch", "aarch64", "--linux-exec", "$S/vmlinux"],
        setup: Some(|s| {
            // An aarch64 ELF header (e_machine 183).
            let mut elf = vec![0u8; 64];
            elf[..4].copy_from_slice(b"\x7fELF");
            elf[4] = 2;
            elf[5] = 1;
            elf[18] = 183;
            s.write("vmlinux", elf);
            Prep::Ready
        }),
        want: &[
            "it is an ELF vmlinux, which qemu loads on this board as a bare program",
            "give its Image instead",
        ],
    },
    Case {
        name: "disk-image-missing",
        argv: &[
            "run",
            "--arch",
            "aarch64",
            "--disk-image",
            "$S/no-disk.qcow2",
        ],
        setup: None,
        want: &[
            "--disk-image $S/no-disk.qcow2: cannot be read",
            "root filesystem image",
        ],
    },
    Case {
        name: "disk-image-not-an-image",
        argv: &["run", "--arch", "aarch64", "--disk-image", "$S/notes.txt"],
        setup: Some(|s| {
            s.write("notes.txt", "not a disk\n");
            Prep::Ready
        }),
        want: &[
            "--disk-image $S/notes.txt: neither a qcow2 image nor a raw ext2/3/4 filesystem",
            "lkmc getvar --arch aarch64 disk_image",
        ],
    },
    Case {
        name: "disk-image-persist",
        argv: &["run", "--disk-image", "$S/disk.qcow2", "--disk-persist"],
        setup: Some(|s| {
            s.write("disk.qcow2", b"QFI\xfb");
            Prep::Ready
        }),
        want: &[
            "--disk-persist writes the guest's changes",
            "never writes to an image it did not build",
        ],
    },
    Case {
        name: "gem5-disk-image-qcow2",
        argv: &[
            "run",
            "--arch",
            "aarch64",
            "-e",
            "gem5",
            "--disk-image",
            "$S/disk.qcow2",
        ],
        setup: Some(|s| {
            s.write("disk.qcow2", b"QFI\xfb");
            Prep::Ready
        }),
        want: &[
            "a qcow2 image, and gem5 reads raw images only",
            "qemu-img convert -O raw",
        ],
    },
    Case {
        name: "cli-args-for-a-linux-boot",
        argv: &["run", "--cli-args", "a b"],
        setup: None,
        want: &[
            "--cli-args are the arguments of a --userland program",
            "--eval",
        ],
    },
    Case {
        name: "kernel-version-not-a-release",
        argv: &[
            "run",
            "--userland",
            "$ROOT/userland/c/hello.c",
            "--kernel-version",
            "new",
        ],
        setup: None,
        want: &["`new` is not a kernel release", "e.g. 6.1.0"],
    },
    Case {
        name: "two-userland-programs-in-qemu",
        argv: &[
            "run",
            "--userland",
            "$ROOT/userland/c/hello.c",
            "--userland",
            "$ROOT/userland/c/false.c",
        ],
        setup: None,
        want: &[
            "2 --userland programs: --emulator qemu runs one program a process",
            "--emulator gem5",
        ],
    },
    Case {
        name: "graphic-with-a-kernel-without-virtio-gpu",
        argv: &["run", "--arch", "aarch64", "--graphic", "--eval", "true"],
        setup: Some(|s| {
            s.fake_boot_inputs(&["--arch", "aarch64"]);
            let config = s.getvar(&["--arch", "aarch64"], "linux_config");
            std::fs::write(config, "CONFIG_MODULES=y\n").unwrap();
            Prep::Ready
        }),
        want: &[
            "the kernel in $OUT/linux/default/aarch64 has no driver for it \
             (CONFIG_DRM_VIRTIO_GPU is not set)",
            "--config-fragment configs/linux/graphic.config",
        ],
    },
    Case {
        name: "machine-with-userland",
        argv: &[
            "run",
            "--userland",
            "$ROOT/userland/c/hello.c",
            "--machine",
            "q35",
        ],
        setup: None,
        want: &["--machine is for Linux boots", "leave out --machine"],
    },
    // ---- tools ------------------------------------------------------------
    Case {
        name: "run-toolchain-missing-tool",
        argv: &["run-toolchain", "--arch", "aarch64", "no-such-tool"],
        setup: None,
        want: &[
            "`no-such-tool`",
            "has no such tool",
            "looked for `aarch64-linux-gnu-no-such-tool` in PATH",
        ],
    },
    Case {
        name: "trace2line-no-debug-info",
        argv: &["trace2line", "--userland", "$S/true.out", "$S/trace.txt"],
        setup: Some(stripped_program),
        want: &["$S/true.out has no debug info", "Build it with -g"],
    },
    Case {
        name: "trace2line-no-trace",
        argv: &["trace2line", "--userland", "$S/prog.out"],
        setup: Some(program_with_debug_info),
        want: &["no trace in", "--trace-insts-stdout"],
    },
    // ---- run ids ----------------------------------------------------------
    Case {
        name: "busy-run-id",
        argv: &["run", "--run-id", "7", "--eval", "true"],
        setup: Some(busy_run_id),
        want: &["run id 7 is busy", "--run-id 8"],
    },
    Case {
        name: "run-id-out-of-range",
        argv: &["run", "--run-id", "1000"],
        setup: None,
        want: &["'1000'", "--run-id", "0..=999"],
    },
    // ---- config files -----------------------------------------------------
    Case {
        name: "config-unknown-key",
        argv: &["getvar", "--config-file", "$S/lkmc.toml"],
        setup: Some(|s| config_file(s, "linux_build_id = \"x\"\n")),
        want: &[
            "$S/lkmc.toml: unknown key `linux_build_id`",
            "did you mean linux-build-id",
        ],
    },
    Case {
        name: "config-unknown-section",
        argv: &["getvar", "--config-file", "$S/lkmc.toml"],
        setup: Some(|s| config_file(s, "[rum]\ncpus = 2\n")),
        want: &["$S/lkmc.toml: unknown section `rum`", "did you mean run"],
    },
    Case {
        name: "config-run-key-of-the-wrong-type",
        argv: &["getvar", "--config-file", "$S/lkmc.toml"],
        setup: Some(|s| config_file(s, "[run]\ncpus = \"two\"\n")),
        want: &["$S/lkmc.toml: key `cpus`", "'two'", "--cpus <N>"],
    },
    Case {
        name: "config-flag-of-the-wrong-type",
        argv: &["getvar", "--config-file", "$S/lkmc.toml"],
        setup: Some(|s| config_file(s, "dry-run = \"yes\"\n")),
        want: &["key `dry-run` expects true or false, found string"],
    },
    Case {
        name: "config-memory-of-the-wrong-form",
        argv: &["getvar", "--config-file", "$S/lkmc.toml"],
        setup: Some(|s| config_file(s, "[run]\nmemory = \"12XB\"\n")),
        want: &["$S/lkmc.toml: key `memory`", "`12XB`", "e.g. 512M or 2G"],
    },
    Case {
        name: "config-invalid-toml",
        argv: &["getvar", "--config-file", "$S/lkmc.toml"],
        setup: Some(|s| config_file(s, "arch = \n")),
        want: &["$S/lkmc.toml: not valid TOML", "must be quoted"],
    },
    Case {
        name: "config-file-inside-a-config-file",
        argv: &["getvar", "--config-file", "$S/lkmc.toml"],
        setup: Some(|s| config_file(s, "config-file = \"other.toml\"\n")),
        want: &[
            "$S/lkmc.toml: key `config-file` cannot be set inside a config file",
            "use --config-file FILE",
        ],
    },
    Case {
        name: "missing-config-file",
        argv: &["getvar", "--config-file", "$S/none.toml"],
        setup: None,
        want: &["$S/none.toml (from --config-file) does not exist"],
    },
    // ---- kernel config ----------------------------------------------------
    Case {
        name: "missing-config-fragment",
        argv: &["build", "linux", "--config-fragment", "$S/nofrag"],
        setup: None,
        want: &["$S/nofrag does not exist", "--config-fragment"],
    },
    Case {
        name: "missing-custom-config-file",
        argv: &["build", "linux", "--custom-config-file", "$S/noconfig"],
        setup: None,
        want: &["$S/noconfig does not exist", "--custom-config-file"],
    },
    Case {
        name: "no-configure-without-a-config",
        argv: &["build", "--arch", "aarch64", "linux", "--no-configure"],
        setup: None,
        want: &[
            "--no-configure builds with the .config in $OUT/linux/default/aarch64, and there is \
             none yet",
            "Configure once without --no-configure (lkmc build --arch aarch64 linux)",
        ],
    },
    Case {
        name: "no-configure-with-config",
        argv: &["build", "linux", "--no-configure", "--config", "CONFIG_X=y"],
        setup: None,
        want: &[
            "--no-configure builds with the .config as it is, so --config",
            "leave out one",
        ],
    },
    Case {
        name: "custom-config-target-interactive",
        argv: &["build", "linux", "--custom-config-target", "menuconfig"],
        setup: None,
        want: &[
            "--custom-config-target menuconfig: `make menuconfig` asks its questions on a terminal",
            "lkmc build linux --no-configure",
        ],
    },
    Case {
        name: "custom-config-target-not-a-config-target",
        argv: &["build", "linux", "--custom-config-target", "vmlinux"],
        setup: None,
        want: &[
            "--custom-config-target \"vmlinux\": not a kernel config make target",
            "e.g. defconfig, tinyconfig",
        ],
    },
    Case {
        name: "custom-config-target-for-rootfs",
        argv: &["build", "rootfs", "--custom-config-target", "defconfig"],
        setup: None,
        want: &[
            "--custom-config-target is for linux (the kernel)",
            "lkmc build linux",
        ],
    },
    Case {
        name: "config-line-not-config-x",
        argv: &["build", "linux", "--config", "DEBUG_FS=y"],
        setup: None,
        want: &["--config \"DEBUG_FS=y\"", "e.g. --config CONFIG_DEBUG_FS=y"],
    },
    Case {
        name: "buildroot-config-line",
        argv: &["build", "rootfs", "--config", "BR2_PACKAGE_GDB=y"],
        setup: None,
        want: &[
            "--config BR2_PACKAGE_GDB=y",
            "--config sets kernel options (CONFIG_...)",
            "--buildroot-config BR2_PACKAGE_GDB=y",
        ],
    },
    Case {
        name: "kernel-tree-that-is-not-one",
        argv: &["build", "linux", "--linux-source-dir", "$S/empty"],
        setup: Some(|s| {
            s.write("empty/file", "not a kernel\n");
            Prep::Ready
        }),
        want: &["--linux-source-dir $S/empty is not a kernel source tree"],
    },
    // ---- options for what is not being built --------------------------------
    Case {
        name: "kernel-config-for-rootfs",
        argv: &["build", "rootfs", "--config", "CONFIG_X=y"],
        setup: None,
        want: &["--config is for linux", "lkmc build linux"],
    },
    Case {
        name: "host-for-userland",
        argv: &["build", "userland", "--host"],
        setup: None,
        want: &["--host is for modules", "lkmc build modules"],
    },
    Case {
        name: "host-modules-of-another-arch",
        argv: &["build", "--arch", "arm", "modules", "--host"],
        setup: None,
        want: &["--host", "arm is not the host's arch", "leave out --arch"],
    },
    Case {
        name: "make-args-for-rootfs",
        argv: &["build", "rootfs", "--", "V=1"],
        setup: None,
        want: &["make arguments after -- is for linux", "lkmc build linux"],
    },
    Case {
        name: "ccflags-for-rootfs",
        argv: &["build", "rootfs", "--ccflags", "-O3"],
        setup: None,
        want: &[
            "--ccflags is for userland or baremetal",
            "lkmc build userland",
        ],
    },
    Case {
        name: "gem5-ruby-for-linux",
        argv: &["build", "--gem5-ruby", "linux"],
        setup: None,
        want: &["--gem5-ruby is for gem5", "lkmc build gem5"],
    },
    Case {
        name: "gem5-for-x86_64",
        argv: &["build", "--arch", "x86_64", "gem5"],
        setup: None,
        want: &["not x86_64", "--arch arm or --arch aarch64"],
    },
    Case {
        name: "gem5-build-dir-without-a-gem5",
        argv: &[
            "build",
            "--arch",
            "aarch64",
            "--gem5-build-dir",
            "/nonexistent/gem5/build",
            "gem5",
        ],
        setup: None,
        want: &[
            "/nonexistent/gem5/build/ARM/gem5.opt is not there",
            "leave --gem5-build-dir out",
        ],
    },
    Case {
        name: "m5-for-x86_64",
        argv: &["build", "--arch", "x86_64", "m5"],
        setup: None,
        want: &["not x86_64", "--arch arm or --arch aarch64"],
    },
    Case {
        name: "buildroot-rootfs-without-a-tree-or-network",
        argv: &["build", "--rootfs", "buildroot", "rootfs"],
        setup: None,
        want: &[
            "no Buildroot source",
            "git cannot reach",
            "Clone Buildroot 2024.02.13",
            "--buildroot-source-dir DIR",
        ],
    },
    Case {
        name: "buildroot-without-a-tree-or-network",
        argv: &["build", "--arch", "aarch64", "buildroot"],
        setup: None,
        want: &["no Buildroot source", "--buildroot-source-dir DIR"],
    },
    Case {
        name: "buildroot-source-dir-that-is-not-one",
        argv: &["build", "--buildroot-source-dir", "$S", "buildroot"],
        setup: None,
        want: &["--buildroot-source-dir $S is not a Buildroot source tree"],
    },
    Case {
        name: "buildroot-fragment-that-does-not-exist",
        argv: &[
            "build",
            "buildroot",
            "--buildroot-config-fragment",
            "/nonexistent/br.config",
        ],
        setup: None,
        want: &["--buildroot-config-fragment /nonexistent/br.config: no such file"],
    },
    Case {
        name: "buildroot-config-that-is-not-br2",
        argv: &["build", "buildroot", "--buildroot-config", "CONFIG_X=y"],
        setup: None,
        want: &[
            "--buildroot-config \"CONFIG_X=y\": not a Buildroot option",
            "BR2_NAME=value",
        ],
    },
    Case {
        name: "distro-kernel-package-apt-does-not-have",
        argv: &[
            "build",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "linux",
            "--linux-distro-package",
            "linux-image-nosuch-arm64",
        ],
        setup: None,
        want: &[
            "no package linux-image-nosuch-arm64 for arm64 in apt's lists",
            "apt-cache search --names-only '^linux-image-'",
            "--linux-distro-package NAME",
        ],
    },
    Case {
        name: "distro-kernel-package-that-is-not-a-kernel",
        argv: &[
            "build",
            "--linux-which",
            "distro",
            "linux",
            "--linux-distro-package",
            "busybox-static",
        ],
        setup: None,
        want: &[
            "--linux-distro-package \"busybox-static\": not a Debian kernel package",
            "linux-image-*",
        ],
    },
    Case {
        name: "distro-kernel-options-without-distro",
        argv: &["build", "linux", "--linux-distro-dbg"],
        setup: None,
        want: &[
            "--linux-distro-dbg chooses what the distro's kernel brings",
            "--linux-which distro",
        ],
    },
    Case {
        name: "distro-kernel-options-without-the-kernel",
        argv: &[
            "build",
            "--linux-which",
            "distro",
            "modules",
            "--linux-distro-dbg",
        ],
        setup: None,
        want: &["--linux-distro-dbg is for linux"],
    },
    Case {
        name: "distro-kernel-with-kernel-config",
        argv: &[
            "build",
            "--linux-which",
            "distro",
            "linux",
            "--config",
            "CONFIG_KGDB=y",
        ],
        setup: None,
        want: &[
            "--config configures lkmc's kernel build",
            "--linux-which lkmc",
        ],
    },
    Case {
        name: "distro-kernel-with-a-build-id",
        argv: &["build", "--linux-which", "distro", "-L", "mine", "linux"],
        setup: None,
        want: &["--linux-build-id mine", "Leave out --linux-build-id"],
    },
    Case {
        name: "distro-kernel-with-initrd",
        argv: &[
            "run",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "--initrd",
        ],
        setup: None,
        want: &["--initrd: the distro's kernel (--linux-which distro) boots the root disk only"],
    },
    Case {
        name: "distro-kernel-with-linux-exec",
        argv: &[
            "run",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "--linux-exec",
            "/nonexistent/Image",
        ],
        setup: None,
        want: &["--linux-exec boots a kernel of yours, and --linux-which distro the distro's"],
    },
    Case {
        name: "distro-kernel-on-gem5",
        argv: &[
            "run",
            "--arch",
            "aarch64",
            "--linux-which",
            "distro",
            "--emulator",
            "gem5",
        ],
        setup: None,
        want: &["--linux-which distro boots on QEMU only"],
    },
    Case {
        name: "docker-command-for-an-action-without-one",
        argv: &["docker", "start", "--", "ls"],
        setup: None,
        want: &["a command after -- is for `lkmc docker sh`; `start` takes none"],
    },
    Case {
        name: "docker-base-for-an-action-that-builds-nothing",
        argv: &["docker", "sh", "--base", "debian:12"],
        setup: None,
        want: &["--base is the image `lkmc docker create` builds from; `sh` builds nothing"],
    },
    Case {
        name: "docker-unknown-action",
        argv: &["docker", "remove"],
        setup: None,
        want: &["invalid value 'remove'", "create", "destroy"],
    },
    Case {
        name: "guest-package-not-a-debian-name",
        argv: &["build", "rootfs", "--guest-package", "Strace"],
        setup: None,
        want: &["--guest-package \"Strace\": not a Debian package name"],
    },
    Case {
        name: "guest-package-without-the-rootfs",
        argv: &["build", "userland", "--guest-package", "strace"],
        setup: None,
        want: &["--guest-package is for rootfs"],
    },
    Case {
        name: "buildroot-override-without-a-dir",
        argv: &["build", "buildroot", "--buildroot-override", "busybox"],
        setup: None,
        want: &["--buildroot-override \"busybox\"", "write PKG=DIR"],
    },
    Case {
        name: "buildroot-override-dir-that-does-not-exist",
        argv: &[
            "build",
            "buildroot",
            "--buildroot-override",
            "busybox=/nonexistent/busybox",
        ],
        setup: None,
        want: &["busybox=/nonexistent/busybox: no such directory"],
    },
    Case {
        name: "buildroot-option-without-buildroot",
        argv: &["build", "linux", "--buildroot-dl-dir", "/srv/dl"],
        setup: None,
        want: &[
            "--buildroot-dl-dir is for buildroot",
            "lkmc build buildroot",
        ],
    },
    Case {
        name: "gcc-which-buildroot-before-buildroot-is-built",
        argv: &[
            "build",
            "--arch",
            "aarch64",
            "--gcc-which",
            "buildroot",
            "userland",
        ],
        setup: None,
        want: &[
            "--gcc-which buildroot: Buildroot's toolchain is not built",
            "aarch64-buildroot-linux-gnu-gcc is missing",
            "lkmc build --arch aarch64 buildroot",
        ],
    },
    Case {
        name: "gcc-which-buildroot-modules-before-buildroot-is-built",
        argv: &[
            "build",
            "--gcc-which",
            "buildroot",
            "--buildroot-build-id",
            "b2",
            "modules",
        ],
        setup: None,
        want: &[
            "Buildroot's toolchain is not built",
            "lkmc build --arch x86_64 --buildroot-build-id b2 buildroot",
        ],
    },
    Case {
        name: "run-on-the-buildroot-rootfs-before-it-is-built",
        argv: &["run", "--rootfs", "buildroot"],
        setup: None,
        want: &[
            "buildroot/build/default/x86_64/images/rootfs.ext2.qcow2",
            "lkmc build --arch x86_64 --rootfs buildroot",
        ],
    },
    Case {
        name: "native-gdb-wait",
        argv: &[
            "run",
            "-e",
            "native",
            "--userland",
            "userland/c/hello.c",
            "--gdb-wait",
        ],
        setup: None,
        want: &[
            "--gdb-wait",
            "Use QEMU user mode",
            "--userland PATH --gdb-wait",
        ],
    },
    Case {
        name: "gdb-native",
        argv: &["gdb", "-e", "native"],
        setup: None,
        want: &["native program runs without", "lkmc gdb --userland PATH"],
    },
    Case {
        name: "eval-with-userland",
        argv: &["run", "--userland", "userland/c/hello.c", "--eval", "true"],
        setup: None,
        want: &["--eval is for Linux boots", "leave out --eval"],
    },
    Case {
        name: "baremetal-with-another-toolchain",
        argv: &[
            "build",
            "--arch",
            "arm",
            "--gcc-which",
            "crosstool-ng",
            "baremetal",
        ],
        setup: None,
        want: &["--gcc-which host"],
    },
    // ---- run options ------------------------------------------------------
    Case {
        name: "memory-of-the-wrong-form",
        argv: &["run", "--memory", "12XB"],
        setup: None,
        want: &["'12XB'", "--memory", "e.g. 512M or 2G"],
    },
    Case {
        name: "build-id-with-a-slash",
        argv: &["build", "--linux-build-id", "a/b", "linux"],
        setup: None,
        want: &["'a/b'", "is not a build id", "use letters, digits"],
    },
    Case {
        name: "build-id-dot-dot",
        argv: &["run", "--userland-build-id", "..", "--userland", "x.c"],
        setup: None,
        want: &["'..'", "is not a build id", "use letters, digits"],
    },
    Case {
        name: "timeout-zero",
        argv: &["run", "--timeout", "0"],
        setup: None,
        want: &["'0'", "--timeout", "at least 1 second"],
    },
    Case {
        name: "eval-and-eval-after",
        argv: &["run", "--eval", "a", "--eval-after", "b"],
        setup: None,
        want: &["--eval-after", "cannot be used with", "--eval"],
    },
    Case {
        name: "several-archs-for-one-run",
        argv: &["run", "--arch", "arm", "--arch", "aarch64"],
        setup: None,
        want: &["one arch at a time", "give a single --arch"],
    },
    Case {
        name: "nothing-to-boot",
        argv: &["run", "--arch", "arm"],
        setup: None,
        want: &["kernel image", "lkmc build --arch arm"],
    },
    Case {
        name: "replay-without-a-recording",
        argv: &["run", "--replay", "--eval", "true"],
        setup: Some(|s| {
            s.fake_boot_inputs(&[]);
            Prep::Ready
        }),
        want: &[
            "--replay: no recording at $OUT/run/qemu/x86_64/0/rrfile",
            "--record",
        ],
    },
    Case {
        name: "replay-with-other-options",
        argv: &["run", "--replay", "--eval", "true"],
        setup: Some(other_recording),
        want: &[
            "--replay: these options give another QEMU command than the recording's",
            "$OUT/run/qemu/x86_64/0/rrfile.cmd",
            "Replay with the options of the recording, or record again",
        ],
    },
    Case {
        name: "kvm-for-another-arch",
        argv: &["run", "--arch", "arm", "--kvm"],
        setup: None,
        want: &["--kvm", "arm is not", "without --kvm"],
    },
    Case {
        name: "kvm-without-dev-kvm",
        argv: &["run", "--kvm", "--eval", "true"],
        setup: Some(|_| {
            let usable = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/kvm")
                .is_ok();
            match usable {
                true => Prep::Skip("/dev/kvm is usable here"),
                false => Prep::Ready,
            }
        }),
        want: &["--kvm: cannot use /dev/kvm", "Run without --kvm"],
    },
    Case {
        name: "gdb-outside-tmux",
        argv: &["run", "--gdb"],
        setup: None,
        want: &[
            "--gdb opens GDB in a tmux split",
            "Start tmux first",
            "--gdb-wait",
        ],
    },
    Case {
        name: "disk2-nothing-to-pack",
        argv: &["build", "disk2"],
        setup: None,
        want: &[
            "nothing to put on the second disk yet",
            "$OUT/rootfs_overlay/x86_64 does not exist",
            "lkmc build --arch x86_64 modules userland && lkmc build --arch x86_64 disk2",
        ],
    },
    Case {
        name: "tmux-outside-tmux",
        argv: &["run", "--tmux"],
        setup: None,
        want: &[
            "--tmux opens GDB in a tmux split",
            "Start tmux first",
            "lkmc gdb --arch x86_64 --run-id 0",
        ],
    },
    Case {
        name: "tmux-shell-outside-tmux",
        argv: &["run", "--arch", "aarch64", "--tmux-program", "shell"],
        setup: None,
        want: &[
            "--tmux opens QEMU's monitor in a tmux split",
            "lkmc run --arch aarch64 --run-id 0 --background",
            "qemu-monitor --arch aarch64 --run-id 0",
        ],
    },
    Case {
        name: "tmux-args-unbalanced",
        argv: &["run", "--tmux-args", "'do_sys_open"],
        setup: None,
        want: &["--tmux-args", "unbalanced quotes"],
    },
    Case {
        name: "tmux-shell-with-gdb-args",
        argv: &[
            "run",
            "--tmux-program",
            "shell",
            "--tmux-args",
            "start_kernel",
        ],
        setup: None,
        want: &["opens no GDB", "--tmux-program gdb"],
    },
    Case {
        name: "tmux-shell-of-a-userland-run",
        argv: &[
            "run",
            "--userland",
            "$ROOT/userland/c/hello.c",
            "--tmux-program",
            "shell",
        ],
        setup: None,
        want: &["a --userland run has none", "--tmux-program gdb"],
    },
    Case {
        name: "run-kgdb-on-arm",
        argv: &["run", "--kgdb", "--arch", "arm"],
        setup: None,
        want: &["--kgdb is set up", "lkmc run --arch arm --gdb-wait"],
    },
    Case {
        name: "native-program-of-another-arch",
        argv: &[
            "run",
            "--arch",
            "arm",
            "--emulator",
            "native",
            "--userland",
            "userland/c/hello.c",
        ],
        setup: None,
        want: &["--emulator native", "arm is not it", "use --emulator qemu"],
    },
    Case {
        name: "gem5-userland-gdb-wait",
        argv: &[
            "run",
            "--dry-run",
            "--emulator",
            "gem5",
            "--arch",
            "aarch64",
            "--gdb-wait",
            "--userland",
            "userland/c/hello.c",
        ],
        setup: None,
        want: &[
            "--gdb-wait",
            "--emulator gem5",
            "lkmc run --arch aarch64 --userland PATH --gdb-wait",
        ],
    },
    Case {
        name: "gem5-run-not-built",
        argv: &["run", "--emulator", "gem5", "--arch", "aarch64"],
        setup: None,
        want: &[
            "gem5 is not built",
            "lkmc build --arch aarch64 gem5",
            "hours",
        ],
    },
    Case {
        name: "gem5-run-x86_64-no-x86-gem5",
        argv: &["run", "--emulator", "gem5", "--arch", "x86_64"],
        setup: None,
        want: &["no X86 gem5 is built", "--gem5-build-dir DIR"],
    },
    Case {
        name: "gem5-build-dir-of-another-isa",
        argv: &[
            "run",
            "--emulator",
            "gem5",
            "--arch",
            "arm",
            "--gem5-build-dir",
            "$S/gem5-build",
        ],
        setup: Some(|s| {
            s.write("gem5-build/X86/gem5.opt", "");
            Prep::Ready
        }),
        want: &[
            "holds a gem5 for X86, not for ARM",
            "lkmc build --arch arm gem5",
        ],
    },
    Case {
        name: "gem5-restore-without-checkpoint",
        argv: &[
            "run",
            "--dry-run",
            "--emulator",
            "gem5",
            "--arch",
            "aarch64",
            "--gem5-restore",
            "1",
        ],
        setup: None,
        want: &[
            "--gem5-restore 1",
            "holds no checkpoint",
            "m5 checkpoint",
            "/lkmc/gem5.sh",
        ],
    },
    Case {
        name: "gem5-kvm",
        argv: &[
            "run",
            "--dry-run",
            "--emulator",
            "gem5",
            "--arch",
            "aarch64",
            "--kvm",
        ],
        setup: None,
        want: &["--kvm", "gem5 cannot use KVM"],
    },
    Case {
        name: "gem5-record",
        argv: &[
            "run",
            "--dry-run",
            "--emulator",
            "gem5",
            "--arch",
            "aarch64",
            "--record",
        ],
        setup: None,
        want: &["--record", "gem5 cannot record"],
    },
    Case {
        name: "gem5-kgdb",
        argv: &[
            "run",
            "--dry-run",
            "--emulator",
            "gem5",
            "--arch",
            "aarch64",
            "--kgdb",
        ],
        setup: None,
        want: &[
            "--kgdb with --emulator gem5",
            "lkmc gdb --arch aarch64 --emulator gem5",
        ],
    },
    Case {
        name: "gem5-o3-without-caches",
        argv: &[
            "run",
            "--dry-run",
            "--emulator",
            "gem5",
            "--arch",
            "aarch64",
            "--cpu-type",
            "o3",
        ],
        setup: None,
        want: &["--cpu-type o3", "--caches"],
    },
    Case {
        name: "gem5-option-with-qemu",
        argv: &[
            "run",
            "--dry-run",
            "--arch",
            "aarch64",
            "--gem5-readfile",
            "x",
        ],
        setup: None,
        want: &["--gem5-readfile is a gem5 option", "--emulator gem5"],
    },
    Case {
        name: "gem5-restore-with-eval-after",
        argv: &[
            "run",
            "--dry-run",
            "--emulator",
            "gem5",
            "--arch",
            "arm",
            "--gem5-restore",
            "2",
            "--eval-after",
            "ls",
        ],
        setup: None,
        want: &["--eval-after with --gem5-restore", "--gem5-readfile CMD"],
    },
    Case {
        name: "gem5-stat-without-stats",
        argv: &["gem5-stat", "--arch", "aarch64"],
        setup: None,
        want: &[
            "no gem5 statistics at",
            "lkmc run --arch aarch64 --emulator gem5",
        ],
    },
    Case {
        name: "gem5-shell-without-gem5",
        argv: &["gem5-shell", "--arch", "aarch64", "--run-id", "977"],
        setup: None,
        want: &["no gem5 guest is listening", "--background"],
    },
    // ---- gdb --------------------------------------------------------------
    Case {
        name: "gdb-kgdb-on-arm",
        argv: &["gdb", "--kgdb", "--arch", "arm"],
        setup: None,
        want: &["--kgdb is set up", "lkmc run --arch arm --gdb-wait"],
    },
    Case {
        name: "gdb-without-a-kernel",
        argv: &["gdb"],
        setup: None,
        want: &["vmlinux is missing", "lkmc build --arch x86_64 linux"],
    },
    Case {
        name: "gdbserver-without-userland",
        argv: &["gdb", "--gdbserver"],
        setup: None,
        want: &["--gdbserver", "--userland"],
    },
];

/// Run one row; the reason it failed, if it did.
fn check(case: &Case) -> Result<(), String> {
    let s = Scratch::new(case.name);
    let prep = match case.setup {
        Some(f) => f(&s),
        None => Prep::Ready,
    };
    if let Prep::Skip(why) = prep {
        eprintln!("skipped {}: {why}", case.name);
        return Ok(());
    }
    let out_before = listing(&s.out());
    let git_before = git_status();
    let argv: Vec<String> = case.argv.iter().map(|a| s.expand(a)).collect();
    let mut child = lkmc(&s, argv.iter().map(String::as_str))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "still running after {PATIENCE:?}: it started something"
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut why = Vec::new();
    if status.code() != Some(2) {
        why.push(format!("{status}, wanted exit status 2"));
    }
    for w in case.want {
        let w = s.expand(w);
        if !stderr.contains(&w) {
            why.push(format!("stderr lacks {w:?}"));
        }
    }
    let out_after = listing(&s.out());
    if out_after != out_before {
        why.push(format!(
            "the out dir changed: {:?} before, {:?} after",
            out_before, out_after
        ));
    }
    if git_status() != git_before {
        why.push("git status of the checkout changed".into());
    }
    drop(prep);
    if why.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\n  lkmc {}\n  stderr: {stderr}",
        why.join("\n  "),
        argv.join(" ")
    ))
}

#[test]
fn every_bad_input_is_refused_with_its_fix_and_changes_nothing() {
    assert!(CASES.len() >= 40, "the matrix has {} rows", CASES.len());
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "row names must be unique");
    let failed: Vec<String> = CASES
        .iter()
        .filter_map(|c| check(c).err().map(|e| format!("{}: {e}", c.name)))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} rows failed:\n\n{}",
        failed.len(),
        CASES.len(),
        failed.join("\n\n")
    );
}
