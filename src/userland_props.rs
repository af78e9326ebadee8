//! `configs/userland.toml` and `configs/baremetal.toml`: what each userland
//! program or baremetal image needs and expects.
//!
//! Tables are paths relative to `userland/`, files or directories; a
//! directory's properties apply below it and deeper paths override key by
//! key (`cflags` are appended, parent first). The build and the tests read
//! the merged `Props` of each program.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// Properties of a path. `None` means "not said here": inherit.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Props {
    pub archs: Option<Vec<String>>,
    pub exit_status: Option<i32>,
    pub signal: Option<String>,
    pub args: Option<String>,
    pub stdin: Option<String>,
    pub full_system: Option<bool>,
    pub baremetal: Option<bool>,
    /// CPUs the program needs (baremetal images).
    pub smp: Option<u32>,
    pub slow: Option<bool>,
    pub skip: Option<String>,
    /// Not run inside the booted guest, for this reason.
    pub skip_full_system: Option<String>,
    pub no_build: Option<bool>,
    pub freestanding: Option<bool>,
    #[serde(default)]
    pub cflags: Vec<String>,
    #[serde(rename = "static")]
    pub static_: Option<bool>,
}

impl Props {
    /// `self` with `child` laid over it.
    fn merge(&mut self, child: &Props) {
        macro_rules! take {
            ($($f:ident),*) => { $( if child.$f.is_some() { self.$f = child.$f.clone(); } )* };
        }
        take!(
            archs,
            exit_status,
            signal,
            args,
            stdin,
            full_system,
            baremetal,
            smp,
            slow,
            skip,
            skip_full_system,
            no_build,
            freestanding,
            static_
        );
        self.cflags.extend(child.cflags.iter().cloned());
    }

    /// Whether the program belongs to `arch`.
    pub fn allows(&self, arch: &str) -> bool {
        self.archs
            .as_ref()
            .is_none_or(|a| a.iter().any(|x| x == arch))
    }

    /// The exit status lkmc reports when the program behaves: the expected
    /// status, or 128 + the expected signal.
    pub fn expected_status(&self) -> Result<i32> {
        match &self.signal {
            Some(name) => {
                Ok(128 + signal_number(name).with_context(|| format!("unknown signal {name}"))?)
            }
            None => Ok(self.exit_status.unwrap_or(0)),
        }
    }
}

/// Linux signal numbers (same on x86_64, arm and aarch64).
pub fn signal_number(name: &str) -> Option<i32> {
    const SIGNALS: &[(&str, i32)] = &[
        ("SIGHUP", 1),
        ("SIGINT", 2),
        ("SIGQUIT", 3),
        ("SIGILL", 4),
        ("SIGTRAP", 5),
        ("SIGABRT", 6),
        ("SIGBUS", 7),
        ("SIGFPE", 8),
        ("SIGKILL", 9),
        ("SIGUSR1", 10),
        ("SIGSEGV", 11),
        ("SIGUSR2", 12),
        ("SIGPIPE", 13),
        ("SIGALRM", 14),
        ("SIGTERM", 15),
        ("SIGSYS", 31),
    ];
    SIGNALS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// The whole file, checked: every table names an existing path.
#[derive(Debug)]
pub struct Table {
    entries: BTreeMap<String, Props>,
}

impl Table {
    /// Read `configs/userland.toml` under `root`.
    pub fn load(root: &Path) -> Result<Table> {
        Table::load_named(root, "userland")
    }

    /// Read `configs/NAME.toml` under `root`, whose tables are paths under
    /// `NAME/`.
    pub fn load_named(root: &Path, name: &str) -> Result<Table> {
        let path = root.join(format!("configs/{name}.toml"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let entries: BTreeMap<String, Props> =
            toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        for (k, p) in &entries {
            if !root.join(name).join(k).exists() {
                bail!("{}: [\"{k}\"]: {name}/{k} does not exist", path.display());
            }
            if let Some(s) = &p.signal
                && signal_number(s).is_none()
            {
                bail!("{}: [\"{k}\"]: unknown signal {s:?}", path.display());
            }
        }
        Ok(Table { entries })
    }

    /// The merged properties of `rel` (a path relative to the table's dir).
    pub fn get(&self, rel: &Path) -> Props {
        let parts: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let mut props = Props::default();
        for depth in 1..=parts.len() {
            if let Some(p) = self.entries.get(&parts[..depth].join("/")) {
                props.merge(p);
            }
        }
        props
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeper_paths_override_and_flags_append() {
        let mut entries = BTreeMap::new();
        entries.insert(
            "arch".to_string(),
            Props {
                cflags: vec!["-a".into()],
                slow: Some(true),
                ..Default::default()
            },
        );
        entries.insert(
            "arch/x".to_string(),
            Props {
                cflags: vec!["-b".into()],
                archs: Some(vec!["x86_64".into()]),
                ..Default::default()
            },
        );
        entries.insert(
            "arch/x/f.S".to_string(),
            Props {
                slow: Some(false),
                ..Default::default()
            },
        );
        let t = Table { entries };
        let p = t.get(Path::new("arch/x/f.S"));
        assert_eq!(p.cflags, ["-a", "-b"]);
        assert_eq!(p.slow, Some(false));
        assert!(p.allows("x86_64") && !p.allows("arm"));
        assert_eq!(t.get(Path::new("c/hello.c")), Props::default());
    }

    #[test]
    fn expected_status_from_signal() {
        let p = Props {
            signal: Some("SIGABRT".into()),
            ..Default::default()
        };
        assert_eq!(p.expected_status().unwrap(), 134);
        let p = Props {
            exit_status: Some(2),
            ..Default::default()
        };
        assert_eq!(p.expected_status().unwrap(), 2);
    }

    #[test]
    fn the_real_file_loads() {
        Table::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    }
}
