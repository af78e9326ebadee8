//! The faults suite: what happens when a build or a run is interrupted or
//! killed, done for real. Ctrl-C of a build stops it with exit status 130,
//! says so, and the next plain build finishes the job and trusts nothing
//! half-written; SIGTERM of a run stops QEMU and frees the run id; QEMU
//! killed from outside is reported, with a non-zero exit; a full disk is
//! a clear error naming the path, and the build recovers once space is free.
//!
//! Cases only; children start through process.rs, in a process group of
//! their own, so that a signal reaches exactly what a terminal's would.

use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::sys::signal::Signal;

use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::paths::Paths;
use crate::process::{self, Background};

use super::harness::{Ctx, Listed, RunSlot, describe, tail};
use super::report::Report;

type Case = fn(&Ctx, &Paths) -> Result<(), String>;

const CASES: &[(&str, Case)] = &[
    (
        "Ctrl-C of a build: exit 130, said; the next build finishes it",
        interrupted_build,
    ),
    (
        "SIGTERM of a run: exit 130, QEMU stopped, the run id free",
        terminated_run,
    ),
    ("QEMU killed from outside: reported, non-zero", killed_qemu),
];

const FULL_DISK_CASE: &str =
    "a full disk: the error names the path; after freeing space the build recovers";

/// Each case has its own build or guest.
pub fn cases(ctx: &Ctx) -> anyhow::Result<Vec<Listed>> {
    let names = CASES.iter().map(|(case, _)| *case).chain([FULL_DISK_CASE]);
    Ok(names.map(|c| Listed::alone(ctx.name(c))).collect())
}

pub fn run(ctx: &Ctx, report: &mut Report) -> anyhow::Result<()> {
    let paths = ctx.paths_at(RunSlot::Faults);
    for (case, check) in CASES {
        let name = ctx.name(case);
        if ctx.wants(&name) {
            report.case(&name, || check(ctx, &paths));
        }
    }
    let name = ctx.name(FULL_DISK_CASE);
    if !ctx.wants(&name) {
        return Ok(());
    }
    match SmallDisk::mount(ctx) {
        Ok(disk) => report.case(&name, || full_disk(ctx, &disk)),
        Err(why) => report.skip(&name, why),
    }
    Ok(())
}

/// A 4 MiB tmpfs, unmounted when dropped: a disk that fills up at once.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(ctx: &Ctx) -> Result<SmallDisk, String> {
        let dir =
            std::env::temp_dir().join(format!("lkmc-full-{}-{}", ctx.arch(), std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let mount = Cmd::new("mount").args(["-t", "tmpfs", "-o", "size=4m", "tmpfs", &p(&dir)]);
        match process::output(&mount, Some(Duration::from_secs(10))) {
            Ok(o) if o.status.success() => Ok(SmallDisk(dir)),
            Ok(o) => {
                let _ = std::fs::remove_dir(&dir);
                Err(format!(
                    "cannot mount a small tmpfs here (needs root): {}",
                    String::from_utf8_lossy(&o.stderr).trim()
                ))
            }
            Err(e) => Err(format!("cannot run mount: {e}")),
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let umount = Cmd::new("umount").arg(p(&self.0));
        let _ = process::output(&umount, Some(Duration::from_secs(10)));
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn full_disk(ctx: &Ctx, disk: &SmallDisk) -> Result<(), String> {
    let config = Config {
        out_dir: disk.0.join("out"),
        quiet: true,
        verbose: false,
        ..ctx.config.clone()
    };
    let hello = p(&config.root.join("userland/c/hello.c"));
    let build = lkmc(&config, &["build", "userland", &hello]);
    // Fill the disk, leaving no room for the build's outputs.
    let filler = disk.0.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).map_err(|e| e.to_string())?;
        let block = vec![0u8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
    }
    let full = process::output(&build, None).map_err(|e| e.to_string())?;
    let err = String::from_utf8_lossy(&full.stderr).into_owned();
    let mount = p(&disk.0);
    if full.status.success() || !err.contains("No space left on device") || !err.contains(&mount) {
        return Err(format!(
            "on a full disk: exit {:?}, wanted a failure that says 'No space left on device' and \
             names a path under {mount}; stderr: {}",
            full.status.code(),
            tail(&err, 5, " | ")
        ));
    }
    std::fs::remove_file(&filler).map_err(|e| e.to_string())?;
    let again = process::output(&build, None).map_err(|e| e.to_string())?;
    if !again.status.success() {
        return Err(format!(
            "after freeing space the build failed: {}",
            describe(&again)
        ));
    }
    let program = Paths::new(&config).userland_build_dir.join("c/hello.out");
    if !program.is_file() {
        return Err(format!(
            "after freeing space {} is not built",
            program.display()
        ));
    }
    Ok(())
}

/// lkmc itself, with `config`'s options, then `args`.
fn lkmc(config: &Config, args: &[&str]) -> Cmd {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("lkmc"));
    let sub = args.first().copied().unwrap_or("build");
    Cmd::new(p(&exe))
        .arg(sub)
        .args(config.to_args())
        .args(&args[1..])
}

/// Wait for `child` to end; its status and stderr, or why not.
fn finish(child: Background) -> Result<(Option<i32>, String), String> {
    let out = child.finish().map_err(|e| e.to_string())?;
    Ok((
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// Whether any `.out` file is under `dir` yet: the build is compiling.
fn has_output(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "out"))
}

fn interrupted_build(ctx: &Ctx, _: &Paths) -> Result<(), String> {
    // Its own out dir: the case starts from nothing and leaves the suite's
    // builds alone.
    let out_dir = ctx
        .config
        .out_dir
        .join("faults")
        .join(ctx.arch().to_string());
    let config = Config {
        out_dir: out_dir.clone(),
        quiet: true,
        verbose: false,
        ..ctx.config.clone()
    };
    let _ = std::fs::remove_dir_all(&out_dir);
    let src = p(&config.root.join("userland/c"));
    let build = lkmc(&config, &["build", "userland", &src]);
    let child = process::background(&build).map_err(|e| e.to_string())?;
    let programs = Paths::new(&config).userland_build_dir;
    if !process::poll(Duration::from_secs(120), || has_output(&programs)) {
        child.kill();
        return Err(format!(
            "the build compiled nothing in 120 s ({})",
            programs.display()
        ));
    }
    child.signal(Signal::SIGINT, true);
    let (code, err) = finish(child)?;
    if code != Some(130) || !err.contains("interrupted by SIGINT") {
        return Err(format!(
            "after Ctrl-C: exit {code:?}, wanted 130 and 'interrupted by SIGINT'; stderr: {}",
            tail(&err, 5, " | ")
        ));
    }
    let again = process::output(&build, None).map_err(|e| e.to_string())?;
    if !again.status.success() {
        return Err(format!(
            "the build after the interrupt failed: {}",
            describe(&again)
        ));
    }
    // Everything is built now: a dry run plans no compile.
    let plan = lkmc(&config, &["build", "--dry-run", "userland", &src]);
    let plan = process::output(&plan, None).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&plan.stdout);
    let compiles = text.lines().filter(|l| l.contains("-gcc")).count();
    let _ = std::fs::remove_dir_all(&out_dir);
    if compiles > 0 {
        return Err(format!(
            "{compiles} program(s) still out of date after the finishing build"
        ));
    }
    Ok(())
}

/// A guest that stays up, started in its own process group.
fn long_run(ctx: &Ctx, paths: &Paths) -> Result<Background, String> {
    let _ = std::fs::remove_file(&paths.termout_file);
    let child = process::background(&ctx.lkmc_run(RunSlot::Faults, &["--eval", "sleep 300"]))
        .map_err(|e| e.to_string())?;
    let booted = || {
        std::fs::read_to_string(&paths.termout_file).is_ok_and(|t| t.contains("lkmc: init done"))
    };
    if !process::poll(Duration::from_secs(120), booted) {
        child.kill();
        return Err(format!(
            "the guest did not boot in 120 s ({})",
            paths.termout_file.display()
        ));
    }
    Ok(child)
}

fn terminated_run(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let child = long_run(ctx, paths)?;
    // lkmc alone, as `kill PID` does: it must stop QEMU itself.
    child.signal(Signal::SIGTERM, false);
    let (code, err) = finish(child)?;
    if code != Some(130) || !err.contains("interrupted by SIGTERM") {
        return Err(format!(
            "after SIGTERM: exit {code:?}, wanted 130 and 'interrupted by SIGTERM'; stderr: {}",
            tail(&err, 5, " | ")
        ));
    }
    match process::lock_run_id(
        paths,
        &Config {
            run_id: paths.run_id,
            ..ctx.config.clone()
        },
    ) {
        Ok(_) => Ok(()),
        Err(e) => Err(format!("the run id is still held after SIGTERM: {e:#}")),
    }
}

/// The pid of the QEMU whose command line names `needle`.
fn qemu_pid(needle: &str) -> Option<i32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: i32 = e.file_name().to_str()?.parse().ok()?;
        let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
        let cmdline = String::from_utf8_lossy(&cmdline);
        // argv[0] is a path when QEMU is lkmc's own (--qemu-which lkmc).
        let argv0 = cmdline.split('\0').next()?;
        let name = Path::new(argv0).file_name()?.to_str()?;
        (name.starts_with("qemu-system") && cmdline.contains(needle)).then_some(pid)
    })
}

fn killed_qemu(ctx: &Ctx, paths: &Paths) -> Result<(), String> {
    let child = long_run(ctx, paths)?;
    let needle = format!("tcp::{}", paths.gdb_port);
    let Some(pid) = qemu_pid(&needle) else {
        child.kill();
        return Err(format!("no QEMU with {needle} on its command line"));
    };
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), Signal::SIGKILL);
    let (code, err) = finish(child)?;
    if code == Some(0) || !err.contains("killed by a signal") {
        return Err(format!(
            "after QEMU was killed: exit {code:?}, wanted non-zero and 'killed by a signal'; \
             stderr: {}",
            tail(&err, 5, " | ")
        ));
    }
    Ok(())
}
