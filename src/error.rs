//! Error kinds that decide lkmc's exit status.
//!
//! Bad input (an unknown name, a missing file the user named, a conflicting
//! option) is a `UsageError`: exit status 2, like clap's own errors, and
//! nothing has been changed. A failed command is a `CmdFailed`: exit status
//! 1 (or the command's own), after its log tail was shown.

use std::fmt;

/// The user asked for something that cannot be done as asked.
#[derive(Debug)]
pub struct UsageError(pub String);

impl UsageError {
    pub fn new(msg: impl Into<String>) -> Self {
        UsageError(msg.into())
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// A planned command exited unsuccessfully; details were already printed.
#[derive(Debug)]
pub struct CmdFailed {
    /// The exit status lkmc should exit with.
    pub status: i32,
    /// What failed, one line.
    pub what: String,
}

impl fmt::Display for CmdFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

impl std::error::Error for CmdFailed {}

/// The names among `candidates` closest to `name`, best first (at most 3).
/// " (did you mean A, B?)" for the candidates close to `name`, or "".
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let close = closest(name, candidates);
    if close.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", close.join(", "))
    }
}

pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let mut s = strsim::jaro_winkler(name, c);
            if c.contains(name) || name.contains(c) {
                s = s.max(0.9);
            }
            (s, c)
        })
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_close_names() {
        let names = ["vmlinux", "linux_build_dir", "linux_config", "gdb_port"];
        assert_eq!(closest("vmlinx", names)[0], "vmlinux");
        assert_eq!(closest("linux_build", names)[0], "linux_build_dir");
        assert!(closest("zzzzzz", names).is_empty());
    }
}
