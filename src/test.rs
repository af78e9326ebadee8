//! `lkmc test`: run the content for real in the emulator and report per case.
//!
//! Each case runs lkmc itself (`lkmc run ...`) as a child process, exactly as
//! a user would, and checks its exit status and output. Results print one
//! line per case and arch, then a `N passed, N failed` summary; the exit
//! status is 1 if any case failed.

use std::path::PathBuf;
use std::process::{Command, ExitCode, Output};
use std::time::Instant;

use anyhow::Result;

use crate::arch::{GccWhich, QemuWhich};
use crate::cli::TestArgs;
use crate::config::Config;
use crate::error::{UsageError, did_you_mean};
use crate::paths::Paths;
use crate::plan::Executor;

/// The suites, in the order `lkmc test` runs them.
const SUITES: &[(&str, &str)] = &[
    ("boot", "boot each arch; exit statuses, panics, 9P, run ids"),
    (
        "modules",
        "every kernel module's test in the guest; crashers in fresh guests",
    ),
    (
        "userland",
        "every userland example in QEMU user mode, checked against its properties",
    ),
    (
        "userland-full-system",
        "the userland examples again, inside the booted guest",
    ),
    (
        "gdb",
        "GDB on the kernel (start_kernel, a syscall), a userland program, KGDB",
    ),
    (
        "baremetal",
        "every baremetal image (arm, aarch64) in QEMU, its exit status; GDB on one",
    ),
];

/// The suites that take a list of what to test.
const ITEM_SUITES: &[&str] = &["modules", "userland", "userland-full-system", "baremetal"];

/// `lkmc test`.
pub fn main(args: &TestArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    let names: Vec<&str> = SUITES.iter().map(|(n, _)| *n).collect();
    // Leading suite names, then the items to test of the last one.
    let n_suites = args
        .suites
        .iter()
        .take_while(|s| names.contains(&s.as_str()))
        .count();
    let (suites, items) = args.suites.split_at(n_suites);
    if suites.is_empty()
        && let Some(s) = items.first()
    {
        return Err(UsageError::new(format!(
            "unknown test suite `{s}`{}\naccepted: {}",
            did_you_mean(s, names.iter().copied()),
            names.join(", ")
        ))
        .into());
    }
    if !items.is_empty() && (suites.len() != 1 || !ITEM_SUITES.contains(&suites[0].as_str())) {
        return Err(UsageError::new(format!(
            "`{}`: only one of the suites {} takes items to test, named right after it \
             (lkmc test modules hello timer)",
            items[0],
            ITEM_SUITES.join(", ")
        ))
        .into());
    }
    if exec.dry_run {
        return Err(
            UsageError::new("lkmc test runs things for real; --dry-run is not supported").into(),
        );
    }
    let selected: Vec<&str> = if suites.is_empty() {
        names.clone()
    } else {
        suites.iter().map(String::as_str).collect()
    };
    let mut report = Report::default();
    for suite in selected {
        for config in configs {
            match suite {
                "boot" => boot_suite(config, &mut report),
                "modules" => modules_suite(config, items, &mut report)?,
                "userland" => userland_suite(config, items, exec, &mut report)?,
                "userland-full-system" => {
                    userland_full_system_suite(config, items, exec, &mut report)?
                }
                "gdb" => gdb_suite(config, exec, &mut report)?,
                "baremetal" => baremetal_suite(config, items, exec, &mut report)?,
                other => unreachable!("suite {other}"),
            }
        }
    }
    Ok(report.finish())
}

/// Results so far.
#[derive(Default)]
struct Report {
    passed: Vec<String>,
    failed: Vec<String>,
}

impl Report {
    fn record(&mut self, name: &str, start: Instant, result: Result<(), String>) {
        self.record_took(name, start.elapsed(), result)
    }

    /// As `record`, for a case that ran in a worker thread and took `took`.
    fn record_took(&mut self, name: &str, took: std::time::Duration, result: Result<(), String>) {
        let secs = took.as_secs_f64();
        match result {
            Ok(()) => {
                println!("PASS {name} ({secs:.1} s)");
                self.passed.push(name.to_string());
            }
            Err(why) => {
                println!("FAIL {name} ({secs:.1} s): {why}");
                self.failed.push(format!("{name}: {why}"));
            }
        }
    }

    fn finish(self) -> ExitCode {
        if !self.failed.is_empty() {
            println!("\nfailed:");
            for f in &self.failed {
                println!("  {f}");
            }
        }
        println!("{} passed, {} failed", self.passed.len(), self.failed.len());
        if self.failed.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}

/// The options a child lkmc needs to act on the same trees as this one.
fn forward(config: &Config) -> Vec<String> {
    let mut v = vec![
        "--arch".to_string(),
        config.arch.to_string(),
        "--out-dir".into(),
        config.out_dir.to_string_lossy().into_owned(),
        "--linux-build-id".into(),
        config.build_ids.linux.clone(),
        "--linux-source-dir".into(),
        config.linux_source_dir.to_string_lossy().into_owned(),
        "--userland-build-id".into(),
        config.build_ids.userland.clone(),
    ];
    if config.qemu_which == QemuWhich::Lkmc {
        v.extend(["--qemu-which".into(), "lkmc".into()]);
    }
    if config.gcc_which != GccWhich::Host {
        v.extend([
            "--gcc-which".into(),
            match config.gcc_which {
                GccWhich::Host => "host",
                GccWhich::Buildroot => "buildroot",
                GccWhich::CrosstoolNg => "crosstool-ng",
            }
            .into(),
        ]);
    }
    v
}

/// `lkmc run` as a child process, quiet, with a timeout. Its run id is
/// `offset` above the one the tests were given (`--run-id`, default 0), so
/// two `lkmc test` runs with ids far enough apart do not clash.
fn lkmc_run(config: &Config, offset: u16, extra: &[&str]) -> Command {
    let run_id = config.run_id + offset;
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("lkmc"));
    let mut c = Command::new(exe);
    c.arg("run")
        .args(forward(config))
        .args([
            "--run-id",
            &run_id.to_string(),
            "--quiet",
            "--timeout",
            "300",
        ])
        .args(extra)
        .stdin(std::process::Stdio::null());
    c
}

fn describe(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let tail: Vec<&str> = err.lines().rev().take(6).collect();
    format!(
        "exit {:?}; stderr: {}",
        out.status.code(),
        tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
    )
}

fn expect_status(out: std::io::Result<Output>, want: i32) -> Result<(), String> {
    let out = out.map_err(|e| e.to_string())?;
    if out.status.code() == Some(want) {
        Ok(())
    } else {
        Err(format!("wanted exit {want}, got {}", describe(&out)))
    }
}

/// Ok when lkmc exited with `want` and said `needle` on stderr.
fn expect_error(
    out: std::io::Result<Output>,
    want: i32,
    needle: &str,
    what: &str,
) -> Result<(), String> {
    let out = out.map_err(|e| e.to_string())?;
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

fn boot_suite(config: &Config, report: &mut Report) {
    let arch = config.arch;
    let paths = Paths::new(config);
    let name = |case: &str| format!("boot {arch} {case}");

    let t = Instant::now();
    let r = lkmc_run(config, 0, &["--eval", "true"]).output();
    let r = r.map_err(|e| e.to_string()).and_then(|out| {
        let termout = std::fs::read_to_string(&paths.termout_file).unwrap_or_default();
        if out.status.code() != Some(0) {
            Err(describe(&out))
        } else if !termout.contains("lkmc: init done") {
            Err(format!(
                "exit 0 but the init's 'lkmc: init done' line is not in {}",
                paths.termout_file.display()
            ))
        } else {
            Ok(())
        }
    });
    report.record(&name("init runs, --eval true exits 0"), t, r);

    let t = Instant::now();
    let r = expect_status(lkmc_run(config, 0, &["--eval", "exit 3"]).output(), 3);
    report.record(&name("--eval 'exit 3' exits 3"), t, r);

    let t = Instant::now();
    let tricky = "a='q\"u$o\\'; b=\"$a\"\ntest \"$b\" = 'q\"u$o\\' && test \"$(printf %s é)\" = é";
    let r = expect_status(lkmc_run(config, 0, &["--eval", tricky]).output(), 0);
    report.record(&name("--eval with quotes, $, \\ and newline"), t, r);

    // The guest network, set by the kernel (ip=) and, with ip=off, by rcS.
    let net = "[ \"$(hostname)\" = lkmc ] && route -n | grep -q '^0.0.0.0 *10.0.2.2 ' \
               && ifconfig eth0 | grep -q 'inet addr:10.0.2.15 '";
    for (cli, case) in [(None, "by the kernel"), (Some("ip=off"), "by rcS (ip=off)")] {
        let t = Instant::now();
        let mut run_args = vec!["--eval", net];
        if let Some(cli) = cli {
            run_args.extend(["--kernel-cli", cli]);
        }
        let r = expect_status(lkmc_run(config, 0, &run_args).output(), 0);
        report.record(&name(&format!("network and hostname set up {case}")), t, r);
    }

    let t = Instant::now();
    let r = lkmc_run(
        config,
        0,
        &["--eval", "echo c > /proc/sysrq-trigger; sleep 30"],
    )
    .output()
    .map_err(|e| e.to_string())
    .and_then(|out| {
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            Err("a panic was not detected (exit 0)".into())
        } else if !err.contains("Kernel panic") {
            Err(format!("no panic lines reported; {}", describe(&out)))
        } else {
            Ok(())
        }
    });
    report.record(&name("panic detected and reported"), t, r);

    // A random value read by the guest must come back the same in replay.
    let t = Instant::now();
    // The console is kept in the run dir (lkmc_run keeps the tests quiet).
    let boot_id = || {
        std::fs::read_to_string(&paths.termout_file)
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .find(|l| l.len() == 36 && l.matches('-').count() == 4)
            .map(str::to_string)
    };
    let eval = "cat /proc/sys/kernel/random/boot_id";
    let run_rr = |mode: &str| -> Result<Option<String>, String> {
        let out = lkmc_run(config, 0, &[mode, "--eval", eval])
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(boot_id())
        } else {
            Err(format!("{mode}: {}", describe(&out)))
        }
    };
    let r = run_rr("--record").and_then(|rec| {
        let play = run_rr("--replay")?;
        match (rec, play) {
            (Some(a), Some(b)) if a == b => Ok(()),
            (a, b) => Err(format!(
                "the replay differs: recorded boot_id {a:?}, replayed {b:?}"
            )),
        }?;
        // Other options than the recording's are refused before QEMU starts.
        expect_error(
            lkmc_run(config, 0, &["--replay", "--eval", "true"]).output(),
            2,
            "another QEMU command",
            "a replay with other options was not refused",
        )
    });
    report.record(
        &name("--record then --replay: the same random boot_id; other options refused"),
        t,
        r,
    );

    let t = Instant::now();
    let token = format!("lkmc-9p-{}-{}", std::process::id(), arch);
    let host_file = paths.run_dir.join("9p-check.txt");
    let r = crate::plan::write_file(&host_file, &token, false)
        .map_err(|e| e.to_string())
        .and_then(|_| {
            let rel = host_file
                .strip_prefix(&paths.out_dir)
                .map_err(|e| e.to_string())?;
            let eval = format!("grep -q '{token}' /mnt/9p/out/{}", rel.display());
            expect_status(lkmc_run(config, 0, &["--eval", &eval]).output(), 0)
        });
    report.record(&name("host file visible over 9P"), t, r);

    let t = Instant::now();
    let a = lkmc_run(config, 1, &["--eval", "sleep 2"]).spawn();
    let b = lkmc_run(config, 2, &["--eval", "sleep 2"]).spawn();
    // While run id 1 holds its lock, a second run with id 1 must be refused.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let busy = lkmc_run(config, 1, &["--eval", "true"]).output();
    let r = (|| -> Result<(), String> {
        let a = a.map_err(|e| e.to_string())?.wait_with_output();
        let b = b.map_err(|e| e.to_string())?.wait_with_output();
        expect_status(a, 0).map_err(|e| format!("run id 1: {e}"))?;
        expect_status(b, 0).map_err(|e| format!("run id 2: {e}"))?;
        let busy = busy.map_err(|e| e.to_string())?;
        if busy.status.code() != Some(2) || !String::from_utf8_lossy(&busy.stderr).contains("busy")
        {
            return Err(format!(
                "a second run with a busy id was not refused: {}",
                describe(&busy)
            ));
        }
        Ok(())
    })();
    report.record(&name("two run ids at once; a busy id is refused"), t, r);
}

fn modules_suite(config: &Config, only: &[String], report: &mut Report) -> Result<()> {
    use crate::build::modules;
    let arch = config.arch;
    let paths = Paths::new(config);
    if let Some(w) = modules::mismatch_warning(config, &paths) {
        report.record(&format!("modules {arch}"), Instant::now(), Err(w));
        return Ok(());
    }
    let facts = modules::facts(&paths)?;
    let mut ours = modules::our_modules(&paths);
    for name in only {
        if !ours.contains(name) {
            return Err(modules::unknown_module(name, &ours, &paths));
        }
    }
    if !only.is_empty() {
        ours.retain(|m| only.contains(m));
    }
    let mut normal = Vec::new();
    for m in &ours {
        let f = facts.get(m).cloned().unwrap_or_default();
        let name = format!("modules {arch} {m}");
        if let Some(why) = &f.skip {
            println!("SKIP {name}: {why}");
            continue;
        }
        let t = Instant::now();
        if !paths
            .out_rootfs_overlay_lkmc_dir
            .join(format!("{m}.ko"))
            .is_file()
        {
            report.record(
                &name,
                t,
                Err(format!(
                    "{m}.ko not built: lkmc build --arch {arch} modules"
                )),
            );
            continue;
        }
        match &f.crash_eval {
            Some(eval) => {
                let eval = format!("cd /mnt/9p/out_rootfs_overlay/lkmc && {eval}");
                let r = expect_error(
                    lkmc_run(config, 0, &["--eval", &eval]).output(),
                    1,
                    "kernel crashed",
                    "expected lkmc to report a kernel crash",
                );
                report.record(&format!("{name} (crashes on purpose)"), t, r);
            }
            None => normal.push(m.clone()),
        }
    }
    if normal.is_empty() {
        return Ok(());
    }
    let t = Instant::now();
    let eval = format!(
        "sh /mnt/9p/rootfs_overlay/lkmc/test_all.sh {}",
        normal.join(" ")
    );
    let out = lkmc_run(config, 0, &["--eval", &eval]).output();
    guest_results(&paths, &format!("modules {arch}"), &normal, t, &out, report);
    Ok(())
}

/// Record the `lkmc_test NAME PASS|FAIL why` lines a guest-side runner
/// printed on the console of the last run, and a failure for each expected
/// name that has none.
fn guest_results(
    paths: &Paths,
    prefix: &str,
    expected: &[String],
    t: Instant,
    out: &std::io::Result<Output>,
    report: &mut Report,
) {
    let console = std::fs::read_to_string(&paths.termout_file).unwrap_or_default();
    let mut seen = Vec::new();
    let mut detail: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for line in console.lines().map(str::trim_end) {
        if let Some(rest) = line.strip_prefix("lkmc_test_out ") {
            if let Some((m, text)) = rest.split_once(": ") {
                detail
                    .entry(m.to_string())
                    .or_default()
                    .push(text.to_string());
            }
        } else if let Some(rest) = line.strip_prefix("lkmc_test ") {
            let mut words = rest.splitn(3, ' ');
            let (m, verdict, why) = (
                words.next().unwrap_or(""),
                words.next().unwrap_or(""),
                words.next().unwrap_or(""),
            );
            seen.push(m.to_string());
            let r = if verdict == "PASS" {
                Ok(())
            } else {
                let lines = detail.remove(m).unwrap_or_default();
                Err(format!("{why}\n      {}", lines.join("\n      ")))
            };
            report.record(&format!("{prefix} {m}"), t, r);
        }
    }
    for m in expected.iter().filter(|m| !seen.contains(m)) {
        let why = match out {
            Ok(o) => format!("no result; the guest run ended first ({})", describe(o)),
            Err(e) => e.to_string(),
        };
        report.record(&format!("{prefix} {m}"), t, Err(why));
    }
}

fn userland_full_system_suite(
    config: &Config,
    only: &[String],
    exec: &Executor,
    report: &mut Report,
) -> Result<()> {
    use crate::build::userland;
    use crate::cmd::quote;
    let arch = config.arch;
    let paths = Paths::new(config);
    let t = Instant::now();
    let quiet = Executor {
        quiet: true,
        ..exec.clone()
    };
    if let Err(e) = userland::build(
        &crate::run::default_build_args(),
        only,
        config,
        &paths,
        &quiet,
    ) {
        report.record(
            &format!("userland-full-system {arch} build"),
            t,
            Err(format!("{e:#}")),
        );
        return Ok(());
    }
    let mut script = String::from(
        "# Written by lkmc test userland-full-system: run each program, check its status.\n\
         # Programs come from the host over 9P; they run in /tmp, where files can be mmapped.\n\
         cd /tmp || exit 1\n",
    );
    let mut names = Vec::new();
    for prog in userland::programs(only, config, &paths)? {
        let p = &prog.props;
        if p.skip.is_some()
            || p.skip_full_system.is_some()
            || p.slow == Some(true)
            || p.freestanding == Some(true)
        {
            continue;
        }
        let Ok(rel) = prog.src.strip_prefix(&paths.userland_source_dir) else {
            continue;
        };
        // These need their kernel module loaded: the module tests run them.
        if rel.starts_with("kernel_modules") {
            continue;
        }
        let name = rel.display().to_string();
        let exe = format!(
            "/mnt/9p/out_rootfs_overlay/lkmc/{}",
            rel.with_extension("out").display()
        );
        let want = p.expected_status()?;
        let args = p.args.clone().unwrap_or_default();
        script.push_str(&format!(
            "printf %s {stdin} > /tmp/in; {exe} {args} < /tmp/in > /tmp/out 2>&1; s=$?\n\
             if [ $s -eq {want} ]; then echo 'lkmc_test {name} PASS'; else \
             tail -n 5 /tmp/out | sed 's|^|lkmc_test_out {name}: |'; \
             echo \"lkmc_test {name} FAIL exit $s, expected {want}\"; fi\n",
            stdin = quote(p.stdin.as_deref().unwrap_or("")),
            exe = quote(&exe),
        ));
        names.push(name);
    }
    let file = paths.run_dir.join("userland-full-system.sh");
    crate::plan::write_file(&file, &script, false)?;
    let rel = file.strip_prefix(&paths.out_dir)?;
    let eval = format!("sh /mnt/9p/out/{}", rel.display());
    let out = lkmc_run(config, 0, &["--eval", &eval]).output();
    guest_results(
        &paths,
        &format!("userland-full-system {arch}"),
        &names,
        t,
        &out,
        report,
    );
    Ok(())
}

fn userland_suite(
    config: &Config,
    only: &[String],
    exec: &Executor,
    report: &mut Report,
) -> Result<()> {
    use crate::build::userland;
    use crate::run::{Finished, run_with_timeout, userland_cmd};
    let arch = config.arch;
    let paths = Paths::new(config);
    let t = Instant::now();
    let build_args = crate::run::default_build_args();
    let quiet = Executor {
        quiet: true,
        ..exec.clone()
    };
    if let Err(e) = userland::build(&build_args, only, config, &paths, &quiet) {
        report.record(&format!("userland {arch} build"), t, Err(format!("{e:#}")));
        return Ok(());
    }
    let programs = userland::programs(only, config, &paths)?;
    let mut cases = Vec::new();
    let mut skipped = 0;
    for prog in programs {
        let p = &prog.props;
        if p.skip.is_some() || p.full_system == Some(true) || p.slow == Some(true) {
            skipped += 1;
            continue;
        }
        cases.push(prog);
    }
    let dir = paths.run_dir.join("userland-stdin");
    std::fs::create_dir_all(&dir)?;
    let results = run_parallel(&cases, config.nproc, |i, _worker, prog| {
        let r = (|| -> Result<(), String> {
            let props = &prog.props;
            let args = shlex::split(props.args.as_deref().unwrap_or("")).unwrap_or_default();
            let mut cmd =
                userland_cmd(config, &paths, &prog.out, &args, false).map_err(|e| e.to_string())?;
            let stdin = dir.join(format!("{i}.in"));
            std::fs::write(&stdin, props.stdin.as_deref().unwrap_or(""))
                .map_err(|e| e.to_string())?;
            cmd.stdin = Some(stdin);
            let want = props.expected_status().map_err(|e| e.to_string())?;
            let mut quiet_cmd = cmd.clone();
            // The program's output is not needed; keep the report readable.
            quiet_cmd.program = "sh".into();
            quiet_cmd.lines = vec![vec![
                "-c".into(),
                format!("exec {} >/dev/null 2>&1", cmd.render(true)),
            ]];
            match run_with_timeout(&quiet_cmd, Some(30)).map_err(|e| e.to_string())? {
                Finished::Exited(got) if got == want => Ok(()),
                Finished::Exited(got) => Err(format!(
                    "exit {got}, expected {want}; reproduce: lkmc run --arch {arch} --userland {}{}",
                    prog.src.display(),
                    props
                        .args
                        .as_ref()
                        .map(|a| format!(" --cli-args {}", crate::cmd::quote(a)))
                        .unwrap_or_default()
                )),
                Finished::TimedOut => Err("still running after 30 s".into()),
            }
        })();
        let rel = prog
            .src
            .strip_prefix(&paths.userland_source_dir)
            .unwrap_or(&prog.src)
            .display()
            .to_string();
        (rel, r)
    });
    let (pass, fail) = tally(report, &format!("userland {arch}"), results);
    println!(
        "userland {arch}: {pass} passed, {fail} failed, {skipped} not run here (skip, slow or full system) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Run GDB in batch mode with `ex` commands against a `lkmc run` started
/// with `run_extra`; return GDB's output, after checking the run ended well.
fn gdb_session(
    config: &Config,
    run_id: u16,
    run_extra: &[&str],
    gdb: crate::cmd::Cmd,
    port: u16,
    ready: Option<(&std::path::Path, &str)>,
) -> Result<String, String> {
    use std::os::unix::process::CommandExt;
    // Its own process group, so that stopping it stops its emulator too.
    let mut run = lkmc_run(config, run_id, run_extra)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(|e| e.to_string())?;
    let kill_group = |pid: u32| {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stderr(std::process::Stdio::null())
            .status();
    };
    // Wait for the stub to listen.
    let t = Instant::now();
    // KGDB reads the serial line only once it waits: bytes sent earlier are lost.
    let is_ready = || {
        crate::gdb::listening(port)
            && ready.is_none_or(|(file, line)| {
                std::fs::read_to_string(file).is_ok_and(|t| t.contains(line))
            })
    };
    while !is_ready() {
        if t.elapsed().as_secs() > 20 || run.try_wait().ok().flatten().is_some() {
            kill_group(run.id());
            let out = run.wait_with_output().map_err(|e| e.to_string())?;
            return Err(format!(
                "the emulator never got ready on port {port}; {}",
                describe(&out)
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let mut c = gdb.to_command();
    let out = crate::run::output_with_timeout(&mut c, 120).map_err(|e| e.to_string())?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let run_out = {
        let deadline = Instant::now() + std::time::Duration::from_secs(60);
        loop {
            if run.try_wait().ok().flatten().is_some() || Instant::now() > deadline {
                kill_group(run.id());
                break run.wait_with_output().map_err(|e| e.to_string())?;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    if run_out.status.code() != Some(0) {
        return Err(format!(
            "the guest run failed after GDB detached: {}\nGDB said:\n{text}",
            describe(&run_out)
        ));
    }
    Ok(text)
}

fn expect_in(text: &str, needles: &[&str]) -> Result<(), String> {
    for n in needles {
        if !text.contains(n) {
            let tail: Vec<&str> = text.lines().rev().take(12).collect();
            return Err(format!(
                "GDB output lacks {n:?}; it ended with:\n      {}",
                tail.into_iter().rev().collect::<Vec<_>>().join("\n      ")
            ));
        }
    }
    Ok(())
}

fn gdb_suite(config: &Config, exec: &Executor, report: &mut Report) -> Result<()> {
    use crate::cli::GdbArgs;
    use crate::gdb::{Target, gdb_cmd};
    let arch = config.arch;
    // Offset from --run-id: the emulator run by lkmc_run(config, run_id, ..).
    let run_id = 20;
    let paths = Paths::new(&Config {
        run_id: config.run_id + run_id,
        ..config.clone()
    });
    let name = |case: &str| format!("gdb {arch} {case}");
    // GDB commands, each run with -ex after lkmc's own.
    let args = |break_at: Option<&str>, commands: &[&str]| GdbArgs {
        break_at: break_at.map(str::to_string),
        no_continue: false,
        no_lxsymbols: true,
        userland: None,
        baremetal: None,
        kgdb: false,
        gdbserver: false,
        before: None,
        extra_gdb_args: commands
            .iter()
            .flat_map(|c| ["-ex".to_string(), c.to_string()])
            .collect(),
    };

    let t = Instant::now();
    let cmd = gdb_cmd(
        &args(Some("start_kernel"), &["bt", "detach"]),
        &Target::Kernel,
        &paths,
        true,
    );
    let r = gdb_session(
        config,
        run_id,
        &["--gdb-wait", "--eval", "true"],
        cmd,
        paths.gdb_port,
        None,
    )
    .and_then(|out| expect_in(&out, &["Breakpoint 1", "start_kernel (", "#0  "]));
    report.record(&name("break at start_kernel, backtrace"), t, r);

    let t = Instant::now();
    let mut a = args(
        None,
        &["break ksys_sync", "continue", "bt", "lx-ps", "detach"],
    );
    a.no_continue = true;
    let cmd = gdb_cmd(&a, &Target::Kernel, &paths, true);
    let r = gdb_session(
        config,
        run_id,
        &["--gdb-wait", "--eval", "sync"],
        cmd,
        paths.gdb_port,
        None,
    )
    .and_then(|out| expect_in(&out, &["Breakpoint 1", "ksys_sync ("]).map(|_| out))
    .and_then(|out| {
        // lx-ps (the kernel's GDB scripts) lists the process that made the call.
        let listed = out
            .lines()
            .any(|l| l.starts_with("0x") && l.split_whitespace().last() == Some("sync"));
        if listed {
            Ok(())
        } else {
            Err(format!("lx-ps did not list the `sync` process:\n{out}"))
        }
    });
    report.record(
        &name("break at a syscall the guest makes; lx scripts"),
        t,
        r,
    );

    let t = Instant::now();
    let ko = paths.out_rootfs_overlay_lkmc_dir.join("timer.ko");
    let r = if !ko.is_file() {
        Err(format!(
            "{} is not built: lkmc build --arch {arch} modules",
            ko.display()
        ))
    } else {
        let lx_symbols = format!(
            "lx-symbols {}",
            crate::cmd::p(&paths.kernel_modules_build_dir)
        );
        let mut a = args(
            None,
            &[
                // tbreak: on arm64 start_kernel has two locations, and a
                // `break` would stop at the second one too.
                "tbreak start_kernel",
                "continue",
                &lx_symbols,
                "set breakpoint pending on",
                "break lkmc_timer_callback",
                "continue",
                // Bounded: on arm the unwinder loops through __irq_svc forever
                // from a timer callback.
                "bt 8",
                "delete",
                "detach",
            ],
        );
        a.no_continue = true;
        let cmd = gdb_cmd(&a, &Target::Kernel, &paths, true);
        let eval = "insmod /mnt/9p/out_rootfs_overlay/lkmc/timer.ko && sleep 2 && rmmod timer";
        gdb_session(
            config,
            run_id,
            &["--gdb-wait", "--eval", eval],
            cmd,
            paths.gdb_port,
            None,
        )
        // The hit must come from the timer: a breakpoint resolved by
        // lx-symbols in a module loaded after GDB attached.
        .and_then(|out| expect_in(&out, &["Breakpoint 2", "call_timer_fn"]))
    };
    report.record(&name("break in a module loaded later (lx-symbols)"), t, r);

    // The same userland session twice: in QEMU user mode, and under
    // gdbserver in the full-system guest.
    let src = paths.userland_source_dir.join("gdb/add.c");
    let userland_case = |gdbserver: bool| -> Result<(), String> {
        let text = std::fs::read_to_string(&src).map_err(|e| e.to_string())?;
        let line_of = |mark: &str| {
            text.lines()
                .position(|l| l.contains(mark))
                .map(|i| i + 1)
                .ok_or(format!("no {mark:?} in add.c"))
        };
        let (l1, l2) = (
            line_of("gdb-test: a == 2")?,
            line_of("gdb-test: total == 9")?,
        );
        let exe = crate::run::userland_executable(
            &src,
            config,
            &paths,
            &Executor {
                quiet: true,
                ..exec.clone()
            },
        )
        .map_err(|e| format!("{e:#}"))?;
        let (b1, b2) = (
            format!("break add.c:{l1} if a == 2"),
            format!("break add.c:{l2}"),
        );
        let mut a = args(
            None,
            &[
                &b1,
                "continue",
                "print b",
                &b2,
                "continue",
                "print total",
                "continue",
            ],
        );
        a.no_continue = true;
        let out = if gdbserver {
            let server = crate::build::deps::GDBSERVER.unpacked(&paths);
            if !server.is_file() {
                return Err(format!(
                    "no gdbserver for {arch} ({} is missing): \
                     lkmc build --download-dependencies --arch {arch}",
                    server.display()
                ));
            }
            let cmd = gdb_cmd(&a, &Target::Gdbserver(&exe), &paths, true);
            // The fresh build, over 9P: the image may predate it.
            let eval = "/lkmc/gdbserver.sh /mnt/9p/out_rootfs_overlay/lkmc/gdb/add.out";
            let ready = (paths.termout_file.as_path(), "Listening on port");
            gdb_session(
                config,
                run_id,
                &["--eval", eval],
                cmd,
                paths.hostfwd_generic_port,
                Some(ready),
            )?
        } else {
            let cmd = gdb_cmd(&a, &Target::Userland(&exe), &paths, true);
            let src_arg = src.to_string_lossy();
            gdb_session(
                config,
                run_id,
                &["--userland", &src_arg, "--gdb-wait"],
                cmd,
                paths.gdb_port,
                None,
            )?
        };
        expect_in(&out, &["$1 = 3", "$2 = 9", "exited normally"])
    };
    let t = Instant::now();
    let r = userland_case(false);
    report.record(&name("userland: break at a line, read variables"), t, r);
    let t = Instant::now();
    let r = userland_case(true);
    report.record(
        &name("gdbserver in the guest: break at a line, read variables"),
        t,
        r,
    );

    if arch.facts().extra_console.is_some() {
        let t = Instant::now();
        let mut a = args(
            None,
            &[
                "bt",
                "break ksys_sync",
                "continue",
                "bt",
                "delete",
                "detach",
            ],
        );
        a.kgdb = true;
        a.no_continue = true;
        let cmd = gdb_cmd(&a, &Target::Kgdb, &paths, true);
        let ready = (
            paths.termout_file.as_path(),
            "Waiting for connection from remote gdb",
        );
        let r = gdb_session(
            config,
            run_id,
            &["--kgdb", "--eval", "sync"],
            cmd,
            paths.extra_serial_port,
            Some(ready),
        )
        .and_then(|out| {
            expect_in(
                &out,
                &[
                    "kgdb_breakpoint",
                    "init_kgdboc",
                    "hit Breakpoint 1, ksys_sync",
                    "detached",
                ],
            )
        });
        report.record(
            &name("KGDB: attach at boot over the second serial port, break at a syscall, detach"),
            t,
            r,
        );
    }
    Ok(())
}

fn baremetal_suite(
    config: &Config,
    only: &[String],
    exec: &Executor,
    report: &mut Report,
) -> Result<()> {
    use crate::build::baremetal;
    use crate::run::{Finished, baremetal_qemu_cmd, run_with_timeout};
    let arch = config.arch;
    if arch.facts().baremetal.is_none() {
        println!("baremetal {arch}: no baremetal runtime for this arch, nothing to test");
        return Ok(());
    }
    let paths = Paths::new(config);
    let t = Instant::now();
    let quiet = Executor {
        quiet: true,
        ..exec.clone()
    };
    let build_args = crate::run::default_build_args();
    if let Err(e) = baremetal::build(&build_args, only, config, &paths, &quiet) {
        report.record(&format!("baremetal {arch} build"), t, Err(format!("{e:#}")));
        return Ok(());
    }
    let images = baremetal::images(only, config, &paths)?;
    let (cases, skipped): (Vec<_>, Vec<_>) =
        images.into_iter().partition(|i| i.props.skip.is_none());
    let run_args = crate::run::default_run_args();
    // Each worker its own run id: QEMU's GDB port must not clash.
    let base_run_id = config.run_id + 30;
    let worker_paths: Vec<Paths> = (0..config.nproc.max(1))
        .map(|w| {
            Paths::new(&Config {
                run_id: base_run_id + w as u16,
                ..config.clone()
            })
        })
        .collect();
    let results = run_parallel(&cases, config.nproc, |_i, worker, image| {
        let wpaths = &worker_paths[worker];
        let r = (|| -> Result<(), String> {
            let want = image.props.expected_status().map_err(|e| e.to_string())?;
            let cpus = image.props.smp.unwrap_or(1);
            let cmd = baremetal_qemu_cmd(&run_args, config, wpaths, &image.out, cpus);
            let mut quiet_cmd = cmd.clone();
            // The image's output only matters when it fails: it says why.
            let log = wpaths.run_dir.join("baremetal.log");
            std::fs::create_dir_all(&wpaths.run_dir).map_err(|e| e.to_string())?;
            quiet_cmd.program = "sh".into();
            quiet_cmd.lines = vec![vec![
                "-c".into(),
                format!(
                    "exec {} </dev/null >{} 2>&1",
                    cmd.render(true),
                    crate::cmd::quote(&crate::cmd::p(&log))
                ),
            ]];
            let tail = || {
                let text = std::fs::read_to_string(&log).unwrap_or_default();
                let lines: Vec<&str> = text.lines().rev().take(4).collect();
                lines.into_iter().rev().collect::<Vec<_>>().join(" | ")
            };
            match run_with_timeout(&quiet_cmd, Some(30)).map_err(|e| e.to_string())? {
                Finished::Exited(got) if got == want => Ok(()),
                Finished::Exited(got) => Err(format!(
                    "exit {got}, expected {want}: {}; reproduce: lkmc run --arch {arch} --baremetal {}",
                    tail(),
                    image.src.display()
                )),
                Finished::TimedOut => Err(format!("still running after 30 s: {}", tail())),
            }
        })();
        let rel = image
            .src
            .strip_prefix(&config.root)
            .unwrap_or(&image.src)
            .display()
            .to_string();
        (rel, r)
    });
    let (pass, fail) = tally(report, &format!("baremetal {arch}"), results);
    println!(
        "baremetal {arch}: {pass} passed, {fail} failed, {} skipped in {:.1} s",
        skipped.len(),
        t.elapsed().as_secs_f64()
    );
    if !only.is_empty() {
        return Ok(());
    }

    // The user's way in: `lkmc run --baremetal` prints through the UART and
    // passes the exit status on.
    let hello = paths.baremetal_source_dir.join("hello.c");
    let hello_arg = hello.to_string_lossy().into_owned();
    let t = Instant::now();
    let r = (|| -> Result<(), String> {
        let out = lkmc_run(config, 31, &["--baremetal", &hello_arg])
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout);
        if out.status.code() == Some(0) && text.lines().any(|l| l.trim_end() == "hello") {
            Ok(())
        } else {
            Err(format!(
                "wanted exit 0 and a line `hello`; {}; stdout: {text}",
                describe(&out)
            ))
        }
    })();
    report.record(
        &format!("baremetal {arch} lkmc run --baremetal hello.c"),
        t,
        r,
    );

    // GDB on an image: break at main, step through C, read a variable.
    let t = Instant::now();
    let run_id = 32;
    let gpaths = Paths::new(&Config {
        run_id: config.run_id + run_id,
        ..config.clone()
    });
    let r = (|| -> Result<(), String> {
        let image = gpaths.baremetal_build_dir.join("hello.elf");
        let a = crate::cli::GdbArgs {
            break_at: Some("main".into()),
            no_continue: false,
            no_lxsymbols: true,
            userland: None,
            baremetal: Some(hello.clone()),
            kgdb: false,
            gdbserver: false,
            before: None,
            extra_gdb_args: ["bt", "info registers pc", "continue"]
                .iter()
                .flat_map(|c| ["-ex".to_string(), c.to_string()])
                .collect(),
        };
        let cmd = crate::gdb::gdb_cmd(&a, &crate::gdb::Target::Baremetal(&image), &gpaths, true);
        let out = gdb_session(
            config,
            run_id,
            &["--baremetal", &hello_arg, "--gdb-wait"],
            cmd,
            gpaths.gdb_port,
            None,
        )?;
        expect_in(&out, &["Breakpoint 1, main", "hello.c:", "#0  main"])
    })();
    report.record(
        &format!("baremetal {arch} GDB: break at main of an image"),
        t,
        r,
    );
    Ok(())
}

/// Run `case(index, worker, item)` for every item on `workers` threads;
/// each gives a name and a result. Returns them sorted by name, with the
/// time each took.
fn run_parallel<T: Sync>(
    items: &[T],
    workers: u32,
    case: impl Fn(usize, usize, &T) -> (String, Result<(), String>) + Sync,
) -> Vec<(String, std::time::Duration, Result<(), String>)> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for worker in 0..workers.max(1) as usize {
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
    results
}

/// Add parallel results to the report: passes quietly, failures with their
/// reason. Returns (passed, failed).
fn tally(
    report: &mut Report,
    prefix: &str,
    results: Vec<(String, std::time::Duration, Result<(), String>)>,
) -> (usize, usize) {
    let (mut pass, mut fail) = (0, 0);
    for (name, took, r) in results {
        match r {
            Ok(()) => {
                pass += 1;
                report.passed.push(format!("{prefix} {name}"));
            }
            Err(why) => {
                fail += 1;
                report.record_took(&format!("{prefix} {name}"), took, Err(why));
            }
        }
    }
    (pass, fail)
}

#[cfg(test)]
mod tests {
    /// `lkmc test --help` lists every suite, and says which take items.
    #[test]
    fn help_names_every_suite() {
        use clap::CommandFactory;
        let cmd = crate::cli::Cli::command();
        let test = cmd.find_subcommand("test").unwrap();
        let arg = test
            .get_arguments()
            .find(|a| a.get_id() == "suites")
            .unwrap();
        let help = arg.get_long_help().or(arg.get_help()).unwrap().to_string();
        for (name, _) in super::SUITES {
            assert!(help.contains(name), "--help lacks suite {name}: {help}");
        }
        for name in super::ITEM_SUITES {
            assert!(
                help.contains(&format!("`{name}`")),
                "--help lacks item suite {name}"
            );
        }
    }
}
