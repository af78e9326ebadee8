//! `configs/sources.toml`: where each source tree comes from and at which
//! ref, and how lkmc fills an empty `submodules/NAME` from it.
//!
//! A tree that is already there is always used as it is, never replaced: it
//! may hold the user's edits. A tree of the user's elsewhere (`--NAME-source-dir`)
//! is never fetched into. A fetch goes to `submodules/.NAME.partial` and is
//! renamed into place only once complete, so an interrupted one never looks
//! like a source tree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::cmd::{Cmd, p};
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Plan, Step};
use crate::remove::{Removal, Scope};

/// One source tree's origin.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Git URL.
    pub url: String,
    /// Tag or branch to check out.
    #[serde(rename = "ref")]
    pub git_ref: String,
    /// Debian package providing the same source offline, if any.
    pub distro_package: Option<String>,
}

/// Read `configs/sources.toml` under `root`.
pub fn load(root: &Path) -> Result<BTreeMap<String, Source>> {
    let path = root.join("configs").join("sources.toml");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// The entry for `name`.
pub fn get(root: &Path, name: &str) -> Result<Source> {
    load(root)?
        .remove(name)
        .with_context(|| format!("configs/sources.toml has no [{name}] entry"))
}

/// A source tree lkmc builds, and how to recognise it.
pub struct Tree<'a> {
    /// Its entry in configs/sources.toml and its name under submodules/.
    pub name: &'a str,
    /// Where it is to be (the default, or the user's `--NAME-source-dir`).
    pub dir: &'a Path,
    /// The option that names a tree of the user's.
    pub option: &'a str,
    /// What it is, for messages ("kernel source tree").
    pub what: &'a str,
    /// What a tree has that tells it apart ("no Makefile and Kconfig there").
    pub marks: &'a str,
    /// Whether `dir` holds one.
    pub is_tree: fn(&Path) -> bool,
}

/// What `plan_fetch` found.
pub enum Fetch {
    /// The tree is there: nothing to do.
    Present,
    /// Steps that clone it were added to the plan.
    Cloned,
    /// The default dir is empty and git cannot reach the remote.
    Unreachable(Box<Unreachable>),
}

/// What a fetch from elsewhere than git needs: the steps that clear the
/// partial dir before and rename it into place after.
pub struct Unreachable {
    pub source: Source,
    pub partial: PathBuf,
    pub reset: Step,
    pub finish: Cmd,
}

/// Refuse `tree.dir` when it is not a tree and lkmc may not fill it: a dir
/// of the user's (`tree.option`), or a non-empty `submodules/NAME`.
pub fn check(tree: &Tree, paths: &Paths) -> Result<()> {
    let dir = tree.dir;
    if (tree.is_tree)(dir) {
        return Ok(());
    }
    if *dir != paths.submodules_dir.join(tree.name) {
        return Err(UsageError::new(format!(
            "{} {} is not a {} ({})",
            tree.option,
            dir.display(),
            tree.what,
            tree.marks
        ))
        .into());
    }
    let non_empty = std::fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(true);
    if dir.exists() && non_empty {
        return Err(UsageError::new(format!(
            "{} exists but is not a {}, and lkmc will not overwrite it.\n\
             Move it away to let lkmc fetch {}, or pass {} DIR.",
            dir.display(),
            tree.what,
            tree.name,
            tree.option
        ))
        .into());
    }
    Ok(())
}

/// Add to `plan` the steps that clone `tree` into its default dir when it
/// is empty; refuse a dir that holds something else, and a dir of the
/// user's that holds no tree.
pub fn plan_fetch(root: &Path, tree: &Tree, paths: &Paths, plan: &mut Plan) -> Result<Fetch> {
    let dir = tree.dir;
    if (tree.is_tree)(dir) {
        return Ok(Fetch::Present);
    }
    check(tree, paths)?;
    let source = get(root, tree.name)?;
    let partial = paths.submodules_dir.join(format!(".{}.partial", tree.name));
    let reset = Step::Remove(Removal {
        paths: vec![partial.clone()],
        recursive: true,
        scope: Scope::Partial(paths.submodules_dir.clone()),
        root: paths.root_dir.clone(),
    });
    let finish = Cmd::new("mv").args(["-T", &p(&partial), &p(dir)]).oneline();
    if !git_reachable(&source.url, &source.git_ref) {
        return Ok(Fetch::Unreachable(Box::new(Unreachable {
            source,
            partial,
            reset,
            finish,
        })));
    }
    eprintln!(
        "{} source: git {} at {}",
        tree.name, source.url, source.git_ref
    );
    plan.push(reset).cmd(
        format!("git clone {}", tree.name),
        Cmd::new("git")
            .arg("clone")
            .line(["--depth", "1"])
            .line(["--branch", &source.git_ref])
            .arg(&source.url)
            .arg(p(&partial)),
    );
    plan.cmd("move into place", finish);
    Ok(Fetch::Cloned)
}

/// Whether git can see `git_ref` at `url` within a few seconds.
fn git_reachable(url: &str, git_ref: &str) -> bool {
    if std::env::var_os("LKMC_OFFLINE").is_some() {
        return false;
    }
    let query = Cmd::new("git").env("GIT_TERMINAL_PROMPT", "0").args([
        "ls-remote",
        "--exit-code",
        url,
        git_ref,
    ]);
    crate::process::output(&query, Some(Duration::from_secs(15)))
        .is_ok_and(|out| out.status.success())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sources_file_parses_and_has_linux() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let s = super::get(root, "linux").unwrap();
        assert!(s.git_ref.starts_with("v6."));
        assert!(s.distro_package.unwrap().starts_with("linux-source-"));
    }
}
