//! Plans: the ordered steps a subcommand will take, and the executor that
//! runs them or prints them.
//!
//! Every external action is a `Step`: a `Cmd`, or a file operation that also
//! knows its shell equivalent. `--dry-run` prints the steps and touches
//! nothing; a real run prints each step as it starts, keeps the output of
//! commands in the plan's log under out/, shows progress for long ones, and
//! on failure returns a `ProcessError` with the failing command and the
//! log's tail (which `main` prints). `Executor::show` is the one place a
//! `+ command` line is printed; processes start in `process.rs`.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::cmd::{Cmd, p, quote};
use crate::process::{self, Input, ProcessError, Split};
use crate::remove::Removal;

/// One thing a plan does.
#[derive(Clone, Debug)]
pub enum Step {
    /// Run a command.
    Run {
        cmd: Cmd,
        /// Shown next to the progress spinner.
        label: String,
        /// A failure is reported as a warning and the plan goes on.
        may_fail: bool,
    },
    /// Create a directory and its parents.
    Mkdir(PathBuf),
    /// Delete generated files or trees, within the rules of `remove.rs`.
    Remove(Removal),
    /// Write a text file (created with its parent directories).
    Write {
        path: PathBuf,
        contents: String,
        executable: bool,
    },
    /// Send one command to the QEMU monitor on localhost:`port` and print
    /// its answer (`monitor.rs`); with no command, a monitor session on the
    /// terminal. lkmc speaks the monitor's telnet itself: the shell form
    /// is its nearest equivalent (nc and telnet show QEMU's echo too).
    Monitor { port: u16, command: Option<String> },
}

impl Step {
    /// A command whose output goes to the log.
    pub fn run(label: impl Into<String>, cmd: Cmd) -> Step {
        Step::Run {
            cmd,
            label: label.into(),
            may_fail: false,
        }
    }

    /// A command whose failure only warns (e.g. `apt-get update` with one
    /// mirror out of sync: the install after it may still work).
    pub fn run_may_fail(label: impl Into<String>, cmd: Cmd) -> Step {
        Step::Run {
            cmd,
            label: label.into(),
            may_fail: true,
        }
    }

    /// The step's shell form.
    pub fn render(&self, oneline: bool) -> String {
        match self {
            Step::Run { cmd, .. } => cmd.render(oneline),
            Step::Mkdir(dir) => format!("mkdir -p {}", quote(&p(dir))),
            Step::Remove(r) => r.render(),
            Step::Write {
                path,
                contents,
                executable,
            } => {
                let mut eof = "EOF".to_string();
                while contents.lines().any(|l| l == eof) {
                    eof.push('_');
                }
                let q = quote(&p(path));
                let mut s = format!("cat > {q} << '{eof}'\n{contents}");
                if !contents.ends_with('\n') {
                    s.push('\n');
                }
                s.push_str(&eof);
                if *executable {
                    s.push_str(&format!("\n+ chmod +x {q}"));
                }
                s
            }
            Step::Monitor {
                port,
                command: Some(c),
            } => format!("printf '%s\\n' {} | nc -q 5 localhost {port}", quote(c)),
            Step::Monitor {
                port,
                command: None,
            } => format!("telnet localhost {port}"),
        }
    }
}

/// An ordered list of steps with a log file.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Short name, e.g. `build linux x86_64`.
    pub title: String,
    /// Where command output goes.
    pub log: PathBuf,
    pub steps: Vec<Step>,
}

impl Plan {
    pub fn new(title: impl Into<String>, log: PathBuf) -> Plan {
        Plan {
            title: title.into(),
            log,
            steps: Vec::new(),
        }
    }

    pub fn push(&mut self, step: Step) -> &mut Self {
        self.steps.push(step);
        self
    }

    pub fn cmd(&mut self, label: impl Into<String>, cmd: Cmd) -> &mut Self {
        self.push(Step::run(label, cmd))
    }

    /// The whole plan as it prints under `--dry-run`.
    pub fn render(&self, oneline: bool) -> String {
        self.steps
            .iter()
            .map(|s| format!("+ {}\n", s.render(oneline)))
            .collect()
    }
}

/// How to execute plans.
#[derive(Clone, Debug)]
pub struct Executor {
    pub dry_run: bool,
    pub oneline: bool,
    pub verbose: bool,
    pub quiet: bool,
}

impl Executor {
    /// Print a step as it starts (or instead of running it).
    pub fn show(&self, step: &Step) {
        if !self.quiet || self.dry_run {
            println!("+ {}", step.render(self.oneline));
        }
    }

    /// Print a command as it starts (or instead of running it).
    pub fn show_cmd(&self, cmd: &Cmd) {
        self.show(&Step::run("", cmd.clone()));
    }

    /// Show `cmd` and, unless this is a dry run, run it on the terminal,
    /// killed after `timeout`. None: a dry run, nothing ran.
    pub fn foreground(
        &self,
        cmd: &Cmd,
        timeout: Option<Duration>,
    ) -> Result<Option<process::Finished>> {
        self.show_cmd(cmd);
        if self.dry_run {
            return Ok(None);
        }
        process::foreground(cmd, timeout).map(Some)
    }

    /// Show one step that keeps no log (a monitor command, a file) and,
    /// unless this is a dry run, carry it out; a command runs on the
    /// terminal. Plans of builds go through [`Executor::execute`].
    pub fn perform(&self, step: &Step) -> Result<()> {
        if let Step::Run { cmd, .. } = step {
            return match self.foreground(cmd, None)? {
                None | Some(process::Finished::Exited(0)) => Ok(()),
                Some(_) => Err(ProcessError::new(cmd, None, None).into()),
            };
        }
        self.show(step);
        if self.dry_run {
            return Ok(());
        }
        self.step(step, Path::new(""))
    }

    /// Run every step in order; stop at the first failure. Every removal
    /// is checked first, so a plan with a refused one changes nothing, also
    /// under `--dry-run`.
    pub fn execute(&self, plan: &Plan) -> Result<()> {
        for step in &plan.steps {
            if let Step::Remove(r) = step {
                r.check()?;
            }
        }
        tracing::debug!(
            plan = %plan.title,
            steps = plan.steps.len(),
            log = %plan.log.display(),
            dry_run = self.dry_run,
            "execute"
        );
        if self.dry_run {
            print!("{}", plan.render(self.oneline));
            return Ok(());
        }
        if let Some(dir) = plan.log.parent() {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let mut log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&plan.log)
            .with_context(|| format!("opening the log {}", plan.log.display()))?;
        writeln!(log, "# lkmc: {}", plan.title)
            .with_context(|| format!("writing the log {}", plan.log.display()))?;
        for step in &plan.steps {
            crate::interrupt::check()?;
            self.show(step);
            self.step(step, &plan.log)?;
        }
        Ok(())
    }

    /// Run a plan of independent commands on `jobs` workers. Unlike
    /// `execute`, a failing command does not stop the others: the result
    /// lists each failure as (rendered command, its output).
    pub fn execute_parallel(&self, plan: &Plan, jobs: usize) -> Result<Vec<(String, String)>> {
        if self.dry_run {
            print!("{}", plan.render(self.oneline));
            return Ok(vec![]);
        }
        if let Some(dir) = plan.log.parent() {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let log = std::sync::Mutex::new(
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(&plan.log)
                .with_context(|| format!("opening the log {}", plan.log.display()))?,
        );
        let cmds: Vec<&Cmd> = plan
            .steps
            .iter()
            .map(|s| match s {
                Step::Run { cmd, .. } => cmd,
                other => panic!("execute_parallel takes commands only, got {other:?}"),
            })
            .collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let failures = std::sync::Mutex::new(Vec::new());
        let bar = if self.quiet || self.verbose || cmds.len() < 2 {
            indicatif::ProgressBar::hidden()
        } else {
            indicatif::ProgressBar::new(cmds.len() as u64)
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "[{elapsed_precise}] {bar:30} {pos}/{len} {msg}",
            )
            .expect("valid template"),
        );
        bar.set_message(plan.title.clone());
        std::thread::scope(|scope| {
            for _ in 0..jobs.max(1) {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some(cmd) = cmds.get(i) else { break };
                        if crate::interrupt::received().is_some() {
                            break;
                        }
                        if self.verbose {
                            bar.println(format!("+ {}", cmd.render(true)));
                        }
                        let out = process::output(cmd, None);
                        let (ok, text) = match out {
                            Ok(o) => {
                                let mut t = String::from_utf8_lossy(&o.stdout).into_owned();
                                t.push_str(&String::from_utf8_lossy(&o.stderr));
                                (o.status.success(), t)
                            }
                            Err(e) => (false, format!("{e}\n")),
                        };
                        {
                            let mut log = log.lock().unwrap();
                            let _ = writeln!(log, "+ {}\n{text}", cmd.render(true));
                        }
                        if !ok {
                            failures.lock().unwrap().push((cmd.render(false), text));
                        }
                        bar.inc(1);
                    }
                });
            }
        });
        bar.finish_and_clear();
        crate::interrupt::check()?;
        Ok(failures.into_inner().unwrap())
    }

    fn step(&self, step: &Step, log: &Path) -> Result<()> {
        match step {
            Step::Mkdir(dir) => {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
            }
            Step::Remove(r) => r.execute(),
            Step::Write {
                path,
                contents,
                executable,
            } => write_file(path, contents, *executable),
            Step::Monitor { port, command } => match command {
                Some(c) => crate::monitor::print_answer(*port, c),
                None => crate::monitor::session(*port),
            },
            Step::Run {
                cmd,
                label,
                may_fail,
            } => match self.logged(cmd, label, log) {
                Err(e) if *may_fail && e.downcast_ref::<ProcessError>().is_some() => {
                    eprintln!("warning: {e}\nwarning: {label} failed; going on");
                    Ok(())
                }
                r => r,
            },
        }
    }

    /// Run `cmd` with its output appended to `log`, showing progress.
    fn logged(&self, cmd: &Cmd, label: &str, log: &Path) -> Result<()> {
        if let Some(dir) = log.parent() {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let mut logf = OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .with_context(|| format!("opening log {}", log.display()))?;
        writeln!(logf, "+ {}", cmd.render(true))
            .with_context(|| format!("writing the log {}", log.display()))?;
        let start_len = logf.metadata()?.len();

        let bar = progress_bar(label, self.quiet || self.verbose);
        let mut compiled = 0u64;
        let mut stages = Stages::default();
        let ended = process::stream(cmd, Input::Inherit, None, Split::Lines, |buf| {
            logf.write_all(buf)
                .with_context(|| format!("writing the log {}", log.display()))?;
            let line = String::from_utf8_lossy(buf);
            if self.verbose {
                print!("{line}");
            }
            if is_compile_line(&line) {
                compiled += 1;
            }
            let last = line.trim_end();
            if let Some((done, total)) = ninja_progress(last) {
                bar.set_message(format!("{label}: {done}/{total} | {last}"));
            } else if stages.line(last) {
                bar.set_message(format!("{label}: {}", stages.summary()));
            } else if !stages.current.is_empty() {
                bar.set_message(format!("{label}: {} | {last}", stages.summary()));
            } else if compiled > 0 {
                bar.set_message(format!("{label}: {compiled} files compiled | {last}"));
            } else {
                bar.set_message(format!("{label} | {last}"));
            }
            Ok(())
        })?;
        bar.finish_and_clear();
        if !ended.status.success() {
            return Err(ProcessError::new(cmd, ended.code(), Some((log, start_len))).into());
        }
        let secs = bar.elapsed().as_secs_f64();
        if !self.quiet && secs >= 2.0 {
            eprintln!("  {label}: done in {secs:.1} s");
        }
        Ok(())
    }
}

/// Builds that announce their steps: Buildroot's `>>> NAME VERSION STEP`
/// (how many packages are done and which step runs now) and crosstool-NG's
/// `[INFO ]  STEP`.
#[derive(Default)]
struct Stages {
    done: std::collections::BTreeSet<String>,
    current: String,
}

impl Stages {
    /// Take one output line; whether it was a stage line.
    fn line(&mut self, line: &str) -> bool {
        if let Some(step) = ctng_step(line) {
            self.current = step.to_string();
            return true;
        }
        let Some(stage) = stage_line(line) else {
            return false;
        };
        // Buildroot's last step of a package is an install
        // ("Installing to target", "... to host directory", ...).
        if stage.step.starts_with("Installing") {
            self.done.insert(stage.name.to_string());
        }
        self.current = stage.to_string();
        true
    }

    fn summary(&self) -> String {
        if self.done.is_empty() {
            return self.current.clone();
        }
        format!("{} packages done, now {}", self.done.len(), self.current)
    }
}

/// One `>>> NAME VERSION STEP` line (Buildroot's `MESSAGE`).
pub struct Stage<'a> {
    pub name: &'a str,
    /// Empty for packages without one (`>>> skeleton  Building`).
    pub version: &'a str,
    pub step: &'a str,
}

impl std::fmt::Display for Stage<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.version {
            "" => write!(f, "{} {}", self.name, self.step),
            v => write!(f, "{} {v} {}", self.name, self.step),
        }
    }
}

/// The stage a line announces, if it is one. Buildroot wraps these lines in
/// the terminal's standout codes (`ESC[7m>>> ...ESC[27m`), also in a log.
pub fn stage_line(line: &str) -> Option<Stage<'_>> {
    fn strip_escapes(mut s: &str) -> &str {
        while let Some(rest) = s.strip_prefix("\x1b[") {
            match rest.find(|c: char| c.is_ascii_alphabetic()) {
                Some(end) => s = &rest[end + 1..],
                None => break,
            }
        }
        s
    }
    let line = line.trim_end();
    let line = match line.rfind("\x1b[") {
        Some(i) if i > 0 => &line[..i],
        _ => line,
    };
    let stage = strip_escapes(line).strip_prefix(">>> ")?;
    let mut parts = stage.splitn(3, ' ');
    let name = parts.next().filter(|n| !n.is_empty())?;
    let version = parts.next()?;
    let step = parts.next()?.trim();
    Some(Stage {
        name,
        version,
        step,
    })
}

/// Kbuild and make print `  CC      path` for each file they compile.
/// gem5's scons prints ` [     CXX] src -> obj` (and `CC`).
fn is_compile_line(line: &str) -> bool {
    let t = line.trim_start();
    let kbuild = line.starts_with("  ")
        && ["CC ", "CC [M] ", "AS ", "CXX "]
            .iter()
            .any(|p| t.starts_with(p));
    kbuild || t.starts_with("[     CXX]") || t.starts_with("[      CC]")
}

/// ninja's status line, `[12/3456] Compiling C object ...`: (12, 3456).
fn ninja_progress(line: &str) -> Option<(u64, u64)> {
    let rest = line.strip_prefix('[')?;
    let (count, _) = rest.split_once(']')?;
    let (done, total) = count.split_once('/')?;
    Some((done.trim().parse().ok()?, total.trim().parse().ok()?))
}

/// crosstool-NG's step lines, `[INFO ]  Installing binutils for host`:
/// the step, kept while the lines of its commands go by.
fn ctng_step(line: &str) -> Option<&str> {
    let step = line.strip_prefix("[INFO ]")?.trim();
    (!step.is_empty() && !step.starts_with('=')).then_some(step)
}

fn progress_bar(label: &str, hidden: bool) -> indicatif::ProgressBar {
    let bar = if hidden {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new_spinner()
    };
    let style = indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_msg}")
        .expect("valid template");
    bar.set_style(style);
    bar.set_message(label.to_string());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Write `contents` to `path`, creating parents.
pub fn write_file(path: &Path, contents: &str, executable: bool) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    fs::write(path, contents).with_context(|| format!("writing {}", path.display()))?;
    if executable {
        use std::os::unix::fs::PermissionsExt;
        let mut perm = fs::metadata(path)?.permissions();
        perm.set_mode(perm.mode() | 0o111);
        fs::set_permissions(path, perm)?;
    }
    Ok(())
}

/// Print to stdout; a reader that went away (`| head`) is not an error.
pub fn print_out(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn buildroot_stage_lines_count_installed_packages() {
        let mut s = super::Stages::default();
        assert!(!s.line("gcc -c x.c"));
        assert!(s.line(">>> host-m4 1.4.19 Building"));
        assert!(s.line(">>> host-m4 1.4.19 Installing to host directory"));
        assert!(s.line(">>> busybox 1.36.1 Installing to staging directory"));
        assert!(s.line(">>> busybox 1.36.1 Installing to target"));
        assert!(s.line(">>> zlib 1.3.1 Extracting"));
        assert_eq!(s.summary(), "2 packages done, now zlib 1.3.1 Extracting");
        // As Buildroot prints them: in standout codes, versions may be empty.
        assert!(s.line("\x1b[7m>>> skeleton  Installing to target\x1b[27m"));
        assert_eq!(
            s.summary(),
            "3 packages done, now skeleton Installing to target"
        );
        let st = super::stage_line("\x1b[7m>>> host-binutils 2.40 Downloading\x1b[27m").unwrap();
        assert_eq!(
            (st.name, st.version, st.step),
            ("host-binutils", "2.40", "Downloading")
        );
    }

    use super::*;

    #[test]
    fn write_step_renders_as_heredoc() {
        let s = Step::Write {
            path: "/a b/f".into(),
            contents: "x\nEOF\n".into(),
            executable: true,
        };
        assert_eq!(
            s.render(false),
            "cat > '/a b/f' << 'EOF_'\nx\nEOF\nEOF_\n+ chmod +x '/a b/f'"
        );
    }

    #[test]
    fn progress_of_ninja_and_ct_ng() {
        assert_eq!(
            ninja_progress("[12/3456] Compiling C object libqemu.a.p/x.c.o\n"),
            Some((12, 3456))
        );
        assert_eq!(ninja_progress("[INFO ]  Installing binutils\n"), None);
        assert_eq!(ninja_progress("ninja: no work to do.\n"), None);
        assert_eq!(
            ctng_step("[INFO ]  Installing binutils for host\n"),
            Some("Installing binutils for host")
        );
        assert_eq!(ctng_step("[INFO ]  =================\n"), None);
        assert_eq!(ctng_step("[EXTRA]    Configuring binutils\n"), None);
    }

    #[test]
    fn compile_lines() {
        assert!(is_compile_line("  CC      kernel/fork.o\n"));
        assert!(is_compile_line("  CC [M]  /x/hello.o\n"));
        assert!(!is_compile_line("  LD      vmlinux\n"));
        assert!(!is_compile_line("CC foo\n"));
        assert!(is_compile_line(" [     CXX] ARM/sim/main.cc -> .o\n"));
        assert!(!is_compile_line(" [ PROTOC] x.proto -> ARM/x.pb.cc\n"));
    }
}
