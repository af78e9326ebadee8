//! The one report of `lkmc test`: every case of every suite printed the same
//! way, `VERDICT NAME (TIME s)[: REASON]`, whether it ran alone or in a
//! parallel batch, then the ten slowest cases, a recap of the failures with
//! the command that reruns each, and the tally line
//! `N passed, N failed, N skipped` that CI reads; and the same cases as
//! JSON lines (written as they finish), JUnit XML and a durations file when
//! asked.
//!
//! Suites hand it finished cases, and `lkmc test` the context they run in
//! (suite, arch, emulator). It must not run anything.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::error::UsageError;

/// The first line of a durations file, naming its form: another line there
/// is a file of another version (or no durations file), and is not read.
pub const DURATIONS_HEADER: &str = "# lkmc test durations 1: seconds, a tab, the case id";

/// The times of a durations file, by case id; None when there is no file
/// (the first run); Err(why) when it is not one this version reads.
pub fn read_durations(path: &Path) -> Result<Option<BTreeMap<String, f64>>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    // Empty: created by a run that did not get to the end.
    if text.is_empty() {
        return Ok(None);
    }
    let mut lines = text.lines();
    if lines.next() != Some(DURATIONS_HEADER) {
        return Err(format!(
            "its first line is not `{DURATIONS_HEADER}` (another lkmc version wrote it?)"
        ));
    }
    let mut times = BTreeMap::new();
    for (n, l) in lines.enumerate() {
        let parsed = l
            .split_once('\t')
            .and_then(|(t, id)| Some((t.parse::<f64>().ok()?, id)));
        match parsed {
            Some((t, id)) if t.is_finite() && t >= 0.0 => {
                times.insert(id.to_string(), t);
            }
            _ => return Err(format!("line {} is not SECONDS<tab>CASE: {l:?}", n + 2)),
        }
    }
    Ok(Some(times))
}

/// How a case ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail(String),
    /// Not run here, and why: a property of the case, not a failure.
    Skip(String),
}

impl From<Result<(), String>> for Verdict {
    fn from(r: Result<(), String>) -> Verdict {
        match r {
            Ok(()) => Verdict::Pass,
            Err(why) => Verdict::Fail(why),
        }
    }
}

/// What the cases being recorded run in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Where {
    pub suite: String,
    pub arch: String,
    pub emulator: String,
    /// The provider options the suite ran with, e.g. ` --qemu-which lkmc`.
    pub providers: String,
}

impl Where {
    /// The command that reruns case `name` (its id) of this suite for this
    /// arch and emulator.
    fn reproducer(&self, name: &str) -> String {
        format!(
            "lkmc test {} --arch {} --emulator {}{} --filter {}",
            self.suite,
            self.arch,
            self.emulator,
            self.providers,
            crate::cmd::quote(name)
        )
    }
}

/// One finished case.
#[derive(Clone, Debug)]
struct Case {
    at: Where,
    name: String,
    took: Duration,
    verdict: Verdict,
}

/// Where the machine-readable forms go.
#[derive(Default)]
pub struct Outputs {
    pub junit: Option<PathBuf>,
    pub json: Option<PathBuf>,
    pub durations: Option<PathBuf>,
    /// The times the durations file held before this run: the cases this
    /// run leaves out (another shard's, a filtered one) keep theirs.
    pub previous: BTreeMap<String, f64>,
}

/// An output file, opened before any case runs so that a path that cannot
/// be written is refused at once. `truncate: false` keeps what it holds
/// until the end (the durations a killed run must not lose).
fn open_output(path: &Path, option: &str, truncate: bool) -> Result<File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(truncate)
        .open(path)
        .map_err(|e| {
            UsageError::new(format!(
                "cannot write the {option} report {}: {e}; give a path in a writable directory",
                path.display()
            ))
            .into()
        })
}

/// The cases so far.
#[derive(Default)]
pub struct Report {
    at: Where,
    cases: Vec<Case>,
    outputs: Outputs,
    json: Option<File>,
    junit: Option<File>,
    durations: Option<File>,
}

impl Report {
    /// A report that also writes `outputs`. Every file is opened now, the
    /// JSON one started: a path that cannot be written fails before any
    /// case runs.
    pub fn new(outputs: Outputs) -> Result<Report> {
        let open = |p: &Option<PathBuf>, option, truncate| {
            p.as_deref()
                .map(|p| open_output(p, option, truncate))
                .transpose()
        };
        Ok(Report {
            json: open(&outputs.json, "--json", true)?,
            junit: open(&outputs.junit, "--junit", true)?,
            durations: open(&outputs.durations, "--durations", false)?,
            outputs,
            ..Report::default()
        })
    }

    /// Also write the JUnit report to `path` (its dir created).
    pub fn keep_junit(&mut self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        self.junit = Some(open_output(path, "JUnit", true)?);
        self.outputs.junit = Some(path.to_path_buf());
        Ok(())
    }

    /// The suite, arch and emulator of the cases recorded from now on.
    pub fn set_where(&mut self, at: Where) {
        self.at = at;
    }

    /// Print one finished case and count it.
    pub fn record(&mut self, name: &str, took: Duration, verdict: Verdict) {
        println!("{}", line(name, took, &verdict));
        let case = Case {
            at: self.at.clone(),
            name: name.to_string(),
            took,
            verdict,
        };
        if let Some(f) = &mut self.json {
            // A report that cannot be written must not stop the tests.
            let _ = writeln!(f, "{}", json_line(&case)).and_then(|_| f.flush());
        }
        self.cases.push(case);
    }

    /// Run `case` now and record it with the time it took.
    pub fn case(&mut self, name: &str, case: impl FnOnce() -> Result<(), String>) {
        let start = Instant::now();
        let result = case();
        self.record(name, start.elapsed(), result.into());
    }

    /// Record a case that is not run, and why.
    pub fn skip(&mut self, name: &str, why: impl Into<String>) {
        self.record(name, Duration::ZERO, Verdict::Skip(why.into()));
    }

    /// Write the files asked for, print the slowest cases, the recap and the
    /// tally; exit status 1 if anything failed.
    pub fn finish(mut self) -> Result<ExitCode> {
        let mut by_time: Vec<&Case> = self.cases.iter().collect();
        by_time.sort_by_key(|c| std::cmp::Reverse(c.took));
        if let (Some(f), Some(p)) = (&mut self.durations, &self.outputs.durations) {
            let text = durations(&self.cases, &self.outputs.previous);
            let mut write = || -> std::io::Result<()> {
                f.set_len(0)?;
                f.rewind()?;
                f.write_all(text.as_bytes())
            };
            write().with_context(|| format!("writing {}", p.display()))?;
        }
        if let (Some(f), Some(p)) = (&mut self.junit, &self.outputs.junit) {
            f.write_all(junit(&self.cases).as_bytes())
                .with_context(|| format!("writing {}", p.display()))?;
        }
        if self.cases.len() > 10 {
            println!("\nslowest:");
            for c in by_time.iter().take(10) {
                println!("  {:>7.1} s  {}", c.took.as_secs_f64(), c.name);
            }
        }
        let failed: Vec<&Case> = self
            .cases
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::Fail(_)))
            .collect();
        if !failed.is_empty() {
            println!("\nfailed (rerun with the command after each):");
            for c in &failed {
                if let Verdict::Fail(why) = &c.verdict {
                    println!("  {}: {why}\n    {}", c.name, c.at.reproducer(&c.name));
                }
            }
        }
        if let Some(p) = &self.outputs.junit {
            println!("\nJUnit report: {}", p.display());
        }
        println!("{}", self.tally());
        Ok(if failed.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }

    fn tally(&self) -> String {
        let count = |f: fn(&Verdict) -> bool| self.cases.iter().filter(|c| f(&c.verdict)).count();
        format!(
            "{} passed, {} failed, {} skipped",
            count(|v| *v == Verdict::Pass),
            count(|v| matches!(v, Verdict::Fail(_))),
            count(|v| matches!(v, Verdict::Skip(_)))
        )
    }
}

/// The durations file: its header, then every case's time, slowest first:
/// this run's, and the previous file's for the cases this run did not run.
fn durations(cases: &[Case], previous: &BTreeMap<String, f64>) -> String {
    let mut times: BTreeMap<&str, f64> = previous.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    for c in cases {
        times.insert(&c.name, c.took.as_secs_f64());
    }
    let mut rows: Vec<(&str, f64)> = times.into_iter().collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let mut text = format!("{DURATIONS_HEADER}\n");
    for (id, t) in rows {
        text.push_str(&format!("{t:.3}\t{id}\n"));
    }
    text
}

/// The one form of a case's line.
fn line(name: &str, took: Duration, verdict: &Verdict) -> String {
    let (word, reason) = match verdict {
        Verdict::Pass => ("PASS", None),
        Verdict::Fail(why) => ("FAIL", Some(why)),
        Verdict::Skip(why) => ("SKIP", Some(why)),
    };
    let reason = reason.map(|r| format!(": {r}")).unwrap_or_default();
    format!("{word} {name} ({:.1} s){reason}", took.as_secs_f64())
}

/// One case as a JSON object on one line.
fn json_line(c: &Case) -> String {
    let (verdict, reason) = match &c.verdict {
        Verdict::Pass => ("pass", None),
        Verdict::Fail(why) => ("fail", Some(why.as_str())),
        Verdict::Skip(why) => ("skip", Some(why.as_str())),
    };
    let mut v = serde_json::json!({
        "suite": c.at.suite,
        "arch": c.at.arch,
        "emulator": c.at.emulator,
        "name": c.name,
        "verdict": verdict,
        "seconds": c.took.as_secs_f64(),
    });
    if let Some(r) = reason {
        v["reason"] = r.into();
    }
    if matches!(c.verdict, Verdict::Fail(_)) {
        v["reproduce"] = c.at.reproducer(&c.name).into();
    }
    v.to_string()
}

/// The cases as JUnit XML: one testsuite per suite, arch and emulator.
fn junit(cases: &[Case]) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut groups: Vec<(&Where, Vec<&Case>)> = Vec::new();
    for c in cases {
        match groups.iter_mut().find(|(w, _)| **w == c.at) {
            Some((_, v)) => v.push(c),
            None => groups.push((&c.at, vec![c])),
        }
    }
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for (at, cs) in groups {
        let failures = cs
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::Fail(_)))
            .count();
        let skipped = cs
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::Skip(_)))
            .count();
        let secs: f64 = cs.iter().map(|c| c.took.as_secs_f64()).sum();
        let class = esc(&format!("{}.{}.{}", at.suite, at.arch, at.emulator));
        x.push_str(&format!(
            "  <testsuite name=\"{class}\" tests=\"{}\" failures=\"{failures}\" skipped=\"{skipped}\" time=\"{secs:.3}\">\n",
            cs.len()
        ));
        for c in cs {
            let head = format!(
                "    <testcase classname=\"{class}\" name=\"{}\" time=\"{:.3}\"",
                esc(&c.name),
                c.took.as_secs_f64()
            );
            match &c.verdict {
                Verdict::Pass => x.push_str(&format!("{head}/>\n")),
                Verdict::Skip(why) => x.push_str(&format!(
                    "{head}>\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                    esc(why)
                )),
                Verdict::Fail(why) => x.push_str(&format!(
                    "{head}>\n      <failure message=\"{}\">{}\nreproduce: {}</failure>\n    </testcase>\n",
                    esc(why.lines().next().unwrap_or("")),
                    esc(why),
                    esc(&c.at.reproducer(&c.name))
                )),
            }
        }
        x.push_str("  </testsuite>\n");
    }
    x.push_str("</testsuites>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_prints_name_time_and_reason_the_same_way() {
        let t = Duration::from_millis(1250);
        assert_eq!(line("boot x", t, &Verdict::Pass), "PASS boot x (1.2 s)");
        assert_eq!(
            line("boot x", t, &Verdict::Fail("exit 3".into())),
            "FAIL boot x (1.2 s): exit 3"
        );
        assert_eq!(
            line("boot x", Duration::ZERO, &Verdict::Skip("slow".into())),
            "SKIP boot x (0.0 s): slow"
        );
    }

    fn sample() -> Report {
        let mut r = Report::default();
        r.set_where(Where {
            suite: "boot".into(),
            arch: "arm".into(),
            emulator: "qemu".into(),
            providers: String::new(),
        });
        r.record("a", Duration::ZERO, Verdict::Pass);
        r.record("b", Duration::from_secs(2), Verdict::Pass);
        r.record(
            "c <x>",
            Duration::ZERO,
            Verdict::Fail("no & \"why\"".into()),
        );
        r.skip("d", "slow");
        r
    }

    /// CI reads the last line: keep its exact form.
    #[test]
    fn tally_line_form() {
        assert_eq!(sample().tally(), "2 passed, 1 failed, 1 skipped");
    }

    #[test]
    fn junit_and_json_hold_every_case() {
        let r = sample();
        let x = junit(&r.cases);
        assert!(
            x.contains(r#"<testsuite name="boot.arm.qemu" tests="4" failures="1" skipped="1""#),
            "{x}"
        );
        assert!(x.contains(r#"name="c &lt;x&gt;""#), "{x}");
        assert!(
            x.contains(r#"<failure message="no &amp; &quot;why&quot;">"#),
            "{x}"
        );
        assert!(
            x.contains(
                "reproduce: lkmc test boot --arch arm --emulator qemu --filter 'c &lt;x&gt;'"
            ),
            "{x}"
        );
        assert!(x.contains(r#"<skipped message="slow"/>"#), "{x}");
        let lines: Vec<serde_json::Value> = r
            .cases
            .iter()
            .map(|c| serde_json::from_str(&json_line(c)).unwrap())
            .collect();
        assert_eq!(lines[2]["verdict"], "fail");
        assert_eq!(
            lines[2]["reproduce"],
            "lkmc test boot --arch arm --emulator qemu --filter 'c <x>'"
        );
        assert_eq!(lines[3]["reason"], "slow");
        assert_eq!(lines[1]["seconds"], 2.0);
    }

    /// What a run writes, the next one reads back, with the times of the
    /// cases it did not run kept; a file of another form is refused.
    #[test]
    fn durations_round_trip_and_merge() {
        let r = sample();
        let previous = BTreeMap::from([("gone".to_string(), 7.5), ("b".to_string(), 99.0)]);
        let text = durations(&r.cases, &previous);
        let dir = std::env::temp_dir().join(format!("lkmc-durations-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("d.tsv");
        std::fs::write(&file, &text).unwrap();
        let back = read_durations(&file).unwrap().unwrap();
        // This run's time wins over the old one; the old case stays.
        assert_eq!(back["b"], 2.0);
        assert_eq!(back["gone"], 7.5);
        assert_eq!(back["a"], 0.0);
        assert_eq!(back.len(), 5);
        // Slowest first, after the header.
        assert_eq!(text.lines().nth(1), Some("7.500\tgone"));
        // The form report.rs wrote before the header existed: ignored.
        std::fs::write(&file, "1.000\tboot x86_64 a\n").unwrap();
        let e = read_durations(&file).unwrap_err();
        assert!(e.contains("another lkmc version"), "{e}");
        std::fs::write(&file, format!("{DURATIONS_HEADER}\nnot a time\n")).unwrap();
        assert!(read_durations(&file).unwrap_err().contains("line 2"));
        assert_eq!(read_durations(&dir.join("none")).unwrap(), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
