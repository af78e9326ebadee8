//! The one report of `lkmc test`: every case of every suite printed the same
//! way, `VERDICT NAME (TIME s)[: REASON]`, whether it ran alone or in a
//! parallel batch, then a recap of the failures and the tally line
//! `N passed, N failed, N skipped` that CI reads.
//!
//! Suites hand it finished cases. It must not run anything, nor know what a
//! suite, an arch or an emulator is: names arrive already made.

use std::process::ExitCode;
use std::time::{Duration, Instant};

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

/// The cases so far.
#[derive(Default)]
pub struct Report {
    passed: usize,
    skipped: usize,
    /// `NAME: REASON` of each failure: recapped at the end, where they cannot
    /// scroll away among hundreds of passes.
    failed: Vec<String>,
}

impl Report {
    /// Print one finished case and count it.
    pub fn record(&mut self, name: &str, took: Duration, verdict: Verdict) {
        println!("{}", line(name, took, &verdict));
        match verdict {
            Verdict::Pass => self.passed += 1,
            Verdict::Fail(why) => self.failed.push(format!("{name}: {why}")),
            Verdict::Skip(_) => self.skipped += 1,
        }
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

    /// Print the recap and the tally; exit status 1 if anything failed.
    pub fn finish(self) -> ExitCode {
        if !self.failed.is_empty() {
            println!("\nfailed:");
            for f in &self.failed {
                println!("  {f}");
            }
        }
        println!("{}", self.tally());
        if self.failed.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    fn tally(&self) -> String {
        format!(
            "{} passed, {} failed, {} skipped",
            self.passed,
            self.failed.len(),
            self.skipped
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

    /// CI reads the last line: keep its exact form.
    #[test]
    fn tally_line_form() {
        let mut r = Report::default();
        r.record("a", Duration::ZERO, Verdict::Pass);
        r.record("b", Duration::ZERO, Verdict::Pass);
        r.record("c", Duration::ZERO, Verdict::Fail("no".into()));
        r.skip("d", "slow");
        assert_eq!(r.tally(), "2 passed, 1 failed, 1 skipped");
        assert_eq!(r.failed, ["c: no"]);
    }
}
