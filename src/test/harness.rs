//! What every suite shares: the context a suite runs in (`Ctx`), the cases
//! a suite lists before it runs any (`Listed`), child `lkmc run`s at named
//! run-id offsets, checks of how they ended, parallel batches of cases, and
//! the guest result protocol (`lkmc_test NAME PASS|FAIL why` lines on the
//! console).
//!
//! It knows no suite and no case, and starts no process itself: children
//! run through process.rs.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Output;
use std::time::Instant;

use anyhow::Result;

use crate::build::BuildOptions;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::facts::Arch;
use crate::paths::Paths;
use crate::plan::Executor;
use crate::process::Finished;

use super::report::{Report, Verdict};

/// Offsets from `--run-id` of the runs the suites start, so that two `lkmc
/// test` runs with ids far enough apart do not clash. Runs that go on at the
/// same time need different ids (run dir, lock, ports).
#[derive(Clone, Copy, Debug)]
pub enum RunSlot {
    /// The one guest at a time of boot, modules and userland-full-system.
    Guest = 0,
    /// Two guests at once, to check that run ids keep them apart.
    LockFirst = 1,
    LockSecond = 2,
    /// The monitor suite's guest, and a run id it leaves idle.
    Monitor = 3,
    MonitorIdle = 4,
    /// The emulators the gdb suite attaches GDB to.
    Gdb = 20,
    /// The first of the baremetal suite's `--nproc` workers, each one id up.
    /// Workers above the first share ids with the two slots below: harmless,
    /// the workers are done before those runs start.
    BaremetalWorkers = 30,
    BaremetalRun = 31,
    BaremetalGdb = 32,
    /// The runs the faults suite interrupts or kills.
    Faults = 40,
    /// The gem5 suite's runs, one at a time (they share its checkpoints).
    Gem5 = 50,
    /// The traced program of the tools suite.
    Tools = 60,
}

/// A builder a suite runs first (`build::userland::build`, ...).
pub type BuildFn = fn(&BuildOptions, &[String], &Config, &Paths, &Executor) -> Result<()>;

/// A case a suite will run, known before anything runs: for `--list`,
/// `--filter` and `--shard`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Listed {
    /// The case's id: the name the report gives it (`Ctx::name`).
    pub id: String,
    /// For cases that share one guest boot (the modules of one guest, the
    /// userland-full-system programs) or one state (the gem5 suite's
    /// checkpoint and its restores), its name: a shard runs all of them or
    /// none.
    pub boot: Option<String>,
}

impl Listed {
    /// A case that runs on its own.
    pub fn alone(id: String) -> Listed {
        Listed { id, boot: None }
    }
}

/// One suite run for one arch.
pub struct Ctx<'a> {
    /// The suite's name, the first word of its case names.
    pub suite: &'static str,
    pub config: &'a Config,
    /// What to test, if the user named something after the suite.
    pub items: &'a [String],
    pub exec: &'a Executor,
    /// The ids of the cases to run (`--filter`, `--shard`); None: all.
    pub only: Option<&'a BTreeSet<String>>,
}

impl Ctx<'_> {
    /// Whether the case of this id is to run.
    pub fn wants(&self, id: &str) -> bool {
        self.only.is_none_or(|o| o.contains(id))
    }

    pub fn arch(&self) -> Arch {
        self.config.arch
    }

    /// `SUITE ARCH`: what this suite's case names start with.
    pub fn prefix(&self) -> String {
        format!("{} {}", self.suite, self.arch())
    }

    /// A case's full name.
    pub fn name(&self, case: &str) -> String {
        format!("{} {case}", self.prefix())
    }

    /// The config of a run in `slot`, `above` ids higher (a worker's).
    pub fn config_at(&self, slot: RunSlot, above: u16) -> Config {
        Config {
            run_id: self.config.run_id + slot as u16 + above,
            // A given --port-offset moves along, so workers keep apart.
            port_offset: self.config.port_offset.map(|o| o + slot as u16 + above),
            ..self.config.clone()
        }
    }

    pub fn paths_at(&self, slot: RunSlot) -> Paths {
        Paths::new(&self.config_at(slot, 0))
    }

    /// Our executor, quiet: a suite's builds must not drown its report.
    pub fn quiet(&self) -> Executor {
        Executor {
            quiet: true,
            ..self.exec.clone()
        }
    }

    /// `lkmc run` for a child process, as a user would type it: this test's
    /// options (emulator, build ids, ...), the run id of `slot`, quiet (the
    /// console still goes to the run dir) and a timeout. process.rs starts
    /// it with stdin empty.
    pub fn lkmc_run(&self, slot: RunSlot, extra: &[&str]) -> Cmd {
        let child = Config {
            quiet: true,
            verbose: false,
            ..self.config_at(slot, 0)
        };
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("lkmc"));
        let mut cmd = Cmd::new(p(&exe))
            .arg("run")
            .args(child.to_args())
            .line(["--timeout", "300"]);
        // A Linux guest that oopses stops there, so a crash fails its case
        // at once instead of running on broken.
        if !extra
            .iter()
            .any(|a| *a == "--baremetal" || *a == "--userland")
        {
            cmd = cmd.arg("--oops-panic");
        }
        cmd.args(extra)
    }

    /// Run [`Ctx::lkmc_run`] to its end; its status, stdout and stderr.
    pub fn lkmc_run_output(&self, slot: RunSlot, extra: &[&str]) -> Result<Output, String> {
        crate::process::output(&self.lkmc_run(slot, extra), None).map_err(|e| format!("{e:#}"))
    }

    /// Build what the suite tests (the user's items, or everything). A
    /// failed build is recorded as the suite's one case; false then.
    pub fn build_first(&self, build: BuildFn, paths: &Paths, report: &mut Report) -> bool {
        let start = Instant::now();
        let args = BuildOptions::default();
        match build(&args, self.items, self.config, paths, &self.quiet()) {
            Ok(()) => true,
            Err(e) => {
                let why = Verdict::Fail(format!("{e:#}"));
                report.record(&self.name("build"), start.elapsed(), why);
                false
            }
        }
    }

    /// Run `case(index, worker, item)` for every item on `--nproc` threads;
    /// each returns its case name and result. They are recorded sorted by
    /// name, so that the report reads the same from run to run.
    pub fn parallel<T: Sync>(
        &self,
        report: &mut Report,
        items: &[T],
        case: impl Fn(usize, usize, &T) -> (String, Result<(), String>) + Sync,
    ) {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let results = std::sync::Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for worker in 0..self.config.nproc.max(1) as usize {
                let (next, results, case) = (&next, &results, &case);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some(item) = items.get(i) else { break };
                        let start = Instant::now();
                        let (name, r) = case(i, worker, item);
                        results.lock().unwrap().push((name, start.elapsed(), r));
                    }
                });
            }
        });
        let mut results = results.into_inner().unwrap();
        results.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, took, r) in results {
            report.record(&self.name(&name), took, r.into());
        }
    }
}

/// A child's exit status and the end of its stderr, for a failure's reason.
pub fn describe(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    format!(
        "exit {:?}; stderr: {}",
        out.status.code(),
        tail(&err, 6, " | ")
    )
}

/// The last `n` lines of `text`, joined by `sep`: enough of an output to
/// say why, short enough for a report line.
pub fn tail(text: &str, n: usize, sep: &str) -> String {
    let lines: Vec<&str> = text.lines().rev().take(n).collect();
    lines.into_iter().rev().collect::<Vec<_>>().join(sep)
}

pub fn expect_status(out: Result<Output, String>, want: i32) -> Result<(), String> {
    let out = out?;
    if out.status.code() == Some(want) {
        Ok(())
    } else {
        Err(format!("wanted exit {want}, got {}", describe(&out)))
    }
}

/// Ok when lkmc exited with `want` and said `needle` on stderr.
pub fn expect_error(
    out: Result<Output, String>,
    want: i32,
    needle: &str,
    what: &str,
) -> Result<(), String> {
    let out = out?;
    let err = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(want) && err.contains(needle) {
        Ok(())
    } else {
        Err(format!(
            "{what}: wanted exit {want} and \"{needle}\"; {}",
            describe(&out)
        ))
    }
}

/// Ok when a program run in-process ended with `want`; else why, with the
/// end of its output if kept, and the `lkmc run` that reproduces it.
pub fn expect_exit(
    finished: Finished,
    want: i32,
    secs: u64,
    output: Option<String>,
    reproduce: &str,
) -> Result<(), String> {
    let output = output.map(|o| format!(": {o}")).unwrap_or_default();
    match finished {
        Finished::Exited(got) if got == want => Ok(()),
        Finished::Exited(got) => Err(format!(
            "exit {got}, expected {want}{output}; reproduce: {reproduce}"
        )),
        Finished::TimedOut => Err(format!("still running after {secs} s{output}")),
    }
}

/// Start of a guest-side runner's verdict line: `lkmc_test NAME PASS`, or
/// `lkmc_test NAME FAIL why` (rootfs_overlay/lkmc/test_all.sh, the
/// userland-full-system script).
pub const RESULT_LINE: &str = "lkmc_test ";
/// Start of a line of a failing case's output, before its verdict:
/// `lkmc_test_out NAME: text`.
pub const OUTPUT_LINE: &str = "lkmc_test_out ";

/// The verdicts on a guest's console, in order, a failure with its output.
pub fn parse_guest_results(console: &str) -> Vec<(String, Result<(), String>)> {
    let mut results = Vec::new();
    let mut detail: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for line in console.lines().map(str::trim_end) {
        if let Some(rest) = line.strip_prefix(OUTPUT_LINE) {
            if let Some((name, text)) = rest.split_once(": ") {
                detail.entry(name).or_default().push(text);
            }
        } else if let Some(rest) = line.strip_prefix(RESULT_LINE) {
            let mut words = rest.splitn(3, ' ');
            let mut word = || words.next().unwrap_or("");
            let (name, verdict, why) = (word(), word(), word());
            let r = if verdict == "PASS" {
                Ok(())
            } else {
                let lines = detail.remove(name).unwrap_or_default();
                Err(format!("{why}\n      {}", lines.join("\n      ")))
            };
            results.push((name.to_string(), r));
        }
    }
    results
}

/// Record the verdicts the last guest run in `paths` printed, as
/// `PREFIX NAME`, and a failure for each expected name that has none.
/// `start` is when that run started: the cases share its time.
pub fn record_guest_results(
    ctx: &Ctx,
    paths: &Paths,
    expected: &[String],
    start: Instant,
    out: &Result<Output, String>,
    report: &mut Report,
) {
    let console = std::fs::read_to_string(&paths.termout_file).unwrap_or_default();
    let results = parse_guest_results(&console);
    for (name, r) in &results {
        report.record(&ctx.name(name), start.elapsed(), r.clone().into());
    }
    for name in expected
        .iter()
        .filter(|n| !results.iter().any(|(r, _)| r == *n))
    {
        let why = match out {
            Ok(o) => format!("no result; the guest run ended first ({})", describe(o)),
            Err(e) => e.clone(),
        };
        report.record(&ctx.name(name), start.elapsed(), Verdict::Fail(why));
    }
}

/// The provider options of `config` that are not the defaults, as a
/// reproducer line needs them (` --qemu-which lkmc --gcc-which crosstool-ng`).
pub fn provider_args(config: &Config) -> String {
    use crate::facts::provider::{GccWhich, LinuxWhich, QemuWhich};
    use crate::facts::rootfs::Rootfs;
    use clap::ValueEnum;
    fn name(v: impl ValueEnum) -> String {
        v.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }
    [
        (
            "qemu-which",
            config.qemu_which != QemuWhich::Host,
            name(config.qemu_which),
        ),
        (
            "gcc-which",
            config.gcc_which != GccWhich::Host,
            name(config.gcc_which),
        ),
        ("rootfs", config.rootfs != Rootfs::Lkmc, name(config.rootfs)),
        (
            "linux-which",
            config.linux_which != LinuxWhich::Lkmc,
            name(config.linux_which),
        ),
    ]
    .into_iter()
    .filter(|(_, differs, _)| *differs)
    .map(|(option, _, value)| format!(" --{option} {value}"))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(argv: &[&str]) -> Config {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from(argv).unwrap();
        Config::resolve(&cli.common, None).remove(0)
    }

    /// A reproducer names the providers that are not the defaults, the
    /// distro kernel among them.
    #[test]
    fn provider_args_name_what_is_not_the_default() {
        assert_eq!(provider_args(&config(&["lkmc", "test"])), "");
        let c = config(&[
            "lkmc",
            "test",
            "--linux-which",
            "distro",
            "--qemu-which",
            "lkmc",
        ]);
        assert_eq!(provider_args(&c), " --qemu-which lkmc --linux-which distro");
    }

    /// A child run gets this test's options (the emulator too), its slot's
    /// run id, and is quiet even under a verbose `lkmc test`.
    #[test]
    fn child_runs_forward_the_options() {
        let c = config(&[
            "lkmc", "test", "-e", "gem5", "-M", "g2", "--run-id", "100", "-v",
        ]);
        let exec = Executor {
            dry_run: false,
            oneline: false,
            verbose: true,
            quiet: false,
        };
        let ctx = Ctx {
            suite: "gdb",
            config: &c,
            items: &[],
            exec: &exec,
            only: None,
        };
        let cmd = ctx.lkmc_run(RunSlot::Gdb, &["--eval", "true"]);
        let args: Vec<String> = cmd.lines.into_iter().flatten().collect();
        assert_eq!(args[0], "run");
        for want in [
            "--emulator=gem5",
            "--gem5-build-id=g2",
            "--run-id=120",
            "--quiet",
        ] {
            assert!(args.iter().any(|a| a == want), "{want} not in {args:?}");
        }
        assert!(!args.iter().any(|a| a == "--verbose"), "{args:?}");
        assert!(
            args.ends_with(&["--eval".into(), "true".into()]),
            "{args:?}"
        );
    }

    #[test]
    fn guest_results_protocol() {
        let console = "noise\n\
                       lkmc_test hello PASS\r\n\
                       lkmc_test_out timer: line 1\n\
                       lkmc_test_out other: not mine\n\
                       lkmc_test_out timer: line 2\n\
                       lkmc_test timer FAIL exit status 1\n";
        let r = parse_guest_results(console);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0], ("hello".to_string(), Ok(())));
        assert_eq!(
            r[1],
            (
                "timer".to_string(),
                Err("exit status 1\n      line 1\n      line 2".to_string())
            )
        );
    }
}
