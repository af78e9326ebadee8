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

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

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
}

impl Where {
    /// The command that reruns this suite for this arch and emulator.
    fn reproducer(&self) -> String {
        format!(
            "lkmc test {} --arch {} --emulator {}",
            self.suite, self.arch, self.emulator
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
}

/// The cases so far.
#[derive(Default)]
pub struct Report {
    at: Where,
    cases: Vec<Case>,
    outputs: Outputs,
    json: Option<File>,
}

impl Report {
    /// A report that also writes `outputs`; the JSON file is started now.
    pub fn new(outputs: Outputs) -> Result<Report> {
        let json = match &outputs.json {
            Some(p) => Some(File::create(p).with_context(|| format!("creating {}", p.display()))?),
            None => None,
        };
        Ok(Report {
            outputs,
            json,
            ..Report::default()
        })
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
    pub fn finish(self) -> Result<ExitCode> {
        let mut by_time: Vec<&Case> = self.cases.iter().collect();
        by_time.sort_by_key(|c| std::cmp::Reverse(c.took));
        if let Some(p) = &self.outputs.durations {
            let text: String = by_time
                .iter()
                .map(|c| format!("{:.3}\t{}\n", c.took.as_secs_f64(), c.name))
                .collect();
            std::fs::write(p, text).with_context(|| format!("writing {}", p.display()))?;
        }
        if let Some(p) = &self.outputs.junit {
            std::fs::write(p, junit(&self.cases))
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
                    println!("  {}: {why}\n    {}", c.name, c.at.reproducer());
                }
            }
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
        v["reproduce"] = c.at.reproducer().into();
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
                    esc(&c.at.reproducer())
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
            x.contains("reproduce: lkmc test boot --arch arm --emulator qemu"),
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
            "lkmc test boot --arch arm --emulator qemu"
        );
        assert_eq!(lines[3]["reason"], "slow");
        assert_eq!(lines[1]["seconds"], 2.0);
    }
}
