//! `Cmd`: an external command as a value, and its copy-pasteable shell form.
//!
//! A `Cmd` knows its program, arguments, environment, working directory and
//! stdin, plus where the printed form breaks lines. `--dry-run` prints
//! exactly what a real run executes, because both read the same value.
//!
//! The printed form follows the original lkmc: `cd DIR && \`, then `VAR=value \`
//! prefixes, then the program and one argument group per line ending in ` \`,
//! and a final `;`. The one-line form joins everything with spaces.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Quote one word for POSIX shells (bash, dash, zsh).
///
/// Words made only of characters that no shell treats specially are left as
/// they are; anything else is single-quoted, with `'` written as `'"'"'`.
/// This is the rule of Python's `shlex.quote`, so our output reads like the
/// original's. Not the `shlex` crate's `try_quote` (lkmc uses `shlex` to
/// split): for Fish's sake it switches to double quotes for words with `\`
/// or `'`, so plans would print unlike the original's, and the printed
/// plans are pinned byte for byte (tests/plans.rs). The round trip through
/// bash is tested below.
pub fn quote(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', r#"'"'"'"#))
}

/// An external command, with line-break hints for printing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cmd {
    /// Program: a name looked up in PATH, or a path.
    pub program: String,
    /// Arguments, grouped into printed lines.
    pub lines: Vec<Vec<String>>,
    /// Environment variables set for this command only (sorted: stable output).
    pub env: BTreeMap<String, String>,
    /// Working directory, if not the current one.
    pub cwd: Option<PathBuf>,
    /// File connected to stdin.
    pub stdin: Option<PathBuf>,
    /// Print on one line even in the multi-line form (short commands).
    pub oneline: bool,
}

impl Cmd {
    /// A command running `program`.
    pub fn new(program: impl Into<String>) -> Self {
        Cmd {
            program: program.into(),
            ..Default::default()
        }
    }

    /// Add one argument on its own printed line.
    pub fn arg(mut self, arg: impl AsRef<str>) -> Self {
        self.lines.push(vec![arg.as_ref().to_string()]);
        self
    }

    /// Add several arguments, each on its own printed line.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for a in args {
            self.lines.push(vec![a.as_ref().to_string()]);
        }
        self
    }

    /// Add several arguments that print together on one line (`-m 256M`).
    pub fn line<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let group: Vec<String> = args.into_iter().map(|a| a.as_ref().to_string()).collect();
        if !group.is_empty() {
            self.lines.push(group);
        }
        self
    }

    /// Set an environment variable for this command.
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.insert(key.into(), value.into());
        self
    }

    /// Run in `dir`.
    pub fn cwd(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cwd = Some(dir.into());
        self
    }

    /// Always print on a single line.
    pub fn oneline(mut self) -> Self {
        self.oneline = true;
        self
    }

    /// The printed shell form: multi-line with ` \` and a final `;`, or one
    /// line when `oneline` is asked for or the command is marked one-line.
    pub fn render(&self, oneline: bool) -> String {
        let mut rows: Vec<String> = Vec::new();
        if let Some(cwd) = &self.cwd {
            rows.push(format!("cd {} &&", quote(&cwd.to_string_lossy())));
        }
        for (k, v) in &self.env {
            rows.push(format!("{k}={}", quote(v)));
        }
        rows.push(quote(&self.program));
        for group in &self.lines {
            rows.push(group.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" "));
        }
        if let Some(stdin) = &self.stdin {
            rows.push(format!("< {}", quote(&stdin.to_string_lossy())));
        }
        if oneline || self.oneline {
            rows.join(" ")
        } else {
            format!("{} \\\n;", rows.join(" \\\n  "))
        }
    }

    /// A `std::process::Command` that runs exactly this.
    pub fn to_command(&self) -> std::process::Command {
        let mut c = std::process::Command::new(&self.program);
        c.args(self.lines.iter().flatten());
        c.envs(&self.env);
        if let Some(cwd) = &self.cwd {
            c.current_dir(cwd);
        }
        c
    }
}

/// The content of a `run.sh` file for a command: the printed form behind a
/// shebang, runnable as it is.
pub fn script(cmd: &Cmd) -> String {
    format!("#!/usr/bin/env bash\n{}\n", cmd.render(false))
}

/// `path` as a string for use in a command line.
pub fn p(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matches_python_shlex() {
        assert_eq!(quote("abc-1.2/x:y=z,@%+_"), "abc-1.2/x:y=z,@%+_");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's"), r#"'it'"'"'s'"#);
        assert_eq!(quote("$HOME"), "'$HOME'");
        assert_eq!(quote("é"), "'é'");
    }

    #[test]
    fn multi_line_form() {
        let c = Cmd::new("qemu-system-aarch64")
            .line(["-machine", "virt"])
            .arg("-nographic")
            .env("B", "x y")
            .env("A", "1")
            .cwd("/tmp/a b");
        assert_eq!(
            c.render(false),
            "cd '/tmp/a b' && \\\n  A=1 \\\n  B='x y' \\\n  qemu-system-aarch64 \\\n  -machine virt \\\n  -nographic \\\n;"
        );
        assert_eq!(
            c.render(true),
            "cd '/tmp/a b' && A=1 B='x y' qemu-system-aarch64 -machine virt -nographic"
        );
    }

    #[test]
    fn oneline_hint_and_stdin() {
        let c = Cmd::new("mkdir").args(["-p", "/x"]).oneline();
        assert_eq!(c.render(false), "mkdir -p /x");
        let mut c = Cmd::new("cat");
        c.stdin = Some("/in put".into());
        assert_eq!(c.render(false), "cat \\\n  < '/in put' \\\n;");
    }

    /// Arguments that shells treat specially, for the round trip.
    const CORPUS: &[&str] = &[
        "plain",
        "",
        "two words",
        "it's",
        "\"double\"",
        "$HOME and ${PATH}",
        "`backticks`",
        "back\\slash\\",
        "new\nline",
        "tab\there",
        "non-ASCII: é ü 漢字 🐧",
        "glob * ? [a]",
        "semi;colon && or || pipe |",
        "~tilde",
        "#hash",
        "!bang",
        "'",
        "-",
        "--",
        "a=b",
    ];

    /// Run `script` with bash and split what it printed on NULs.
    fn bash_argv(script: &str) -> Vec<String> {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "bash failed on:\n{script}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let mut v: Vec<String> = text.split('\0').map(str::to_string).collect();
        assert_eq!(v.pop().as_deref(), Some(""));
        v
    }

    #[test]
    fn rendering_round_trips_through_bash() {
        let printer = "printf '%s\\0' \"$@\"";
        let grouped = Cmd::new("bash")
            .line(["-c", printer, "argv0"])
            .line(&CORPUS[..5])
            .args(&CORPUS[5..]);
        for oneline in [false, true] {
            let got = bash_argv(&grouped.render(oneline));
            assert_eq!(got, CORPUS, "oneline={oneline}");
        }
    }

    #[test]
    fn env_and_cwd_round_trip_through_bash() {
        let dir = std::env::temp_dir().join(format!("lkmc dir 'q' $x {}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for value in CORPUS {
            let c = Cmd::new("bash")
                .line(["-c", "printf '%s\\0' \"$PWD\" \"$LKMC_V\""])
                .env("LKMC_V", *value)
                .cwd(&dir);
            for oneline in [false, true] {
                let got = bash_argv(&c.render(oneline));
                assert_eq!(got, [p(&dir), value.to_string()], "oneline={oneline}");
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
