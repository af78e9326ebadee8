//! Removal: the one place lkmc deletes anything, and the rules it keeps.
//!
//! lkmc deletes only what it generated:
//! - trees and files under the out dir (never the out dir itself);
//! - its own half-fetched source dirs, `submodules/.NAME.partial`;
//! - in-tree build outputs (`--in-tree`: `*.out`, `*.o`, their `.d`
//!   depfiles, `*.a`), one file at a time, never a directory.
//!
//! Whatever the scope, a path that git tracks in the checkout, or a tree
//! that holds one, is refused. Every removal is a plan step (`rm -rf ...`
//! under `--dry-run`), and the executor checks every removal of a plan
//! before the plan's first step runs, so a refused removal changes nothing.
//!
//! This module must not decide *what* a build removes (the builders do);
//! it only decides whether lkmc is allowed to.

use std::path::{Component, Path, PathBuf};

use anyhow::Result;

use crate::cmd::{Cmd, p, quote};
use crate::error::UsageError;

/// Where the paths of a removal may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Strictly inside this out dir.
    OutDir(PathBuf),
    /// A `.NAME.partial` dir directly inside this submodules dir.
    Partial(PathBuf),
    /// Generated files next to the sources (`--in-tree` builds).
    InTreeOutputs,
}

/// Paths to delete, the scope they must be in, and the checkout whose
/// tracked files are off limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub paths: Vec<PathBuf>,
    /// Whole trees (`rm -rf`) or single files (`rm -f`).
    pub recursive: bool,
    pub scope: Scope,
    /// The lkmc checkout (its git-tracked files are never deleted).
    pub root: PathBuf,
}

/// File names that the in-tree builds generate.
const GENERATED_SUFFIXES: &[&str] = &[".out", ".o", ".out.d", ".o.d", ".a"];

impl Removal {
    /// A whole tree (or file) under the out dir.
    pub fn under_out(path: &Path, out_dir: &Path, root: &Path) -> Removal {
        Removal {
            paths: vec![path.to_path_buf()],
            recursive: true,
            scope: Scope::OutDir(out_dir.to_path_buf()),
            root: root.to_path_buf(),
        }
    }

    /// One file under the out dir.
    pub fn file_under_out(path: &Path, out_dir: &Path, root: &Path) -> Removal {
        Removal {
            recursive: false,
            ..Removal::under_out(path, out_dir, root)
        }
    }

    /// One generated file: under the out dir, or an in-tree output next to
    /// the sources (`--in-tree` builds put their outputs there).
    pub fn output_file(path: &Path, out_dir: &Path, root: &Path) -> Removal {
        let scope = if path.starts_with(out_dir) {
            Scope::OutDir(out_dir.to_path_buf())
        } else {
            Scope::InTreeOutputs
        };
        Removal {
            paths: vec![path.to_path_buf()],
            recursive: false,
            scope,
            root: root.to_path_buf(),
        }
    }

    /// The shell form: `rm -rf A B` or `rm -f A B`.
    pub fn render(&self) -> String {
        let flag = if self.recursive { "-rf" } else { "-f" };
        let mut s = format!("rm {flag}");
        for path in &self.paths {
            s.push(' ');
            s.push_str(&quote(&p(path)));
        }
        s
    }

    /// Refuse, naming the path and why, anything this removal may not touch.
    pub fn check(&self) -> Result<()> {
        tracing::debug!(paths = ?self.paths, scope = ?self.scope, "check removal");
        for path in &self.paths {
            let abs = resolve(path)?;
            if let Some(why) = self.out_of_scope(&abs) {
                return Err(UsageError::new(format!(
                    "lkmc will not delete {}: {why}. Nothing was changed.",
                    path.display()
                ))
                .into());
            }
            if let Scope::OutDir(out) = &self.scope {
                let tracked = tracked_files(&self.root, &resolve(out)?);
                if let Some(first) = tracked.first() {
                    return Err(UsageError::new(format!(
                        "lkmc will not delete {}: the out dir {} holds files git tracks \
                         ({first}, ...), so what is in it is not all lkmc's. Nothing was \
                         changed; choose an --out-dir outside the sources.",
                        path.display(),
                        out.display()
                    ))
                    .into());
                }
            }
            let tracked = tracked_files(&self.root, &abs);
            if let Some(first) = tracked.first() {
                return Err(UsageError::new(format!(
                    "lkmc will not delete {}: git tracks {} file(s) there ({first}{}). \
                     Nothing was changed; choose an --out-dir outside the sources.",
                    path.display(),
                    tracked.len(),
                    if tracked.len() > 1 { ", ..." } else { "" }
                ))
                .into());
            }
        }
        Ok(())
    }

    fn out_of_scope(&self, abs: &Path) -> Option<String> {
        match &self.scope {
            Scope::OutDir(out) => {
                let out = resolve(out).unwrap_or_else(|_| out.clone());
                if abs == out {
                    Some(format!("it is the out dir itself ({})", out.display()))
                } else if !abs.starts_with(&out) {
                    Some(format!(
                        "it is outside the out dir {}, where everything lkmc generates goes",
                        out.display()
                    ))
                } else {
                    None
                }
            }
            Scope::Partial(submodules) => {
                let submodules = resolve(submodules).unwrap_or_else(|_| submodules.clone());
                let name = abs.file_name().unwrap_or_default().to_string_lossy();
                let ok = abs.parent() == Some(submodules.as_path())
                    && name.starts_with('.')
                    && name.ends_with(".partial");
                (!ok).then(|| {
                    format!(
                        "only lkmc's own half-fetched trees ({}/.NAME.partial) are removed there",
                        submodules.display()
                    )
                })
            }
            Scope::InTreeOutputs => {
                let name = abs.file_name().unwrap_or_default().to_string_lossy();
                if self.recursive || abs.is_dir() {
                    Some("in-tree outputs are removed one file at a time, never a directory".into())
                } else if !GENERATED_SUFFIXES.iter().any(|s| name.ends_with(s)) {
                    Some(format!(
                        "it is not a build output (those end in {})",
                        GENERATED_SUFFIXES.join(", ")
                    ))
                } else {
                    None
                }
            }
        }
    }

    /// Delete, after `check`. A path that is already gone is fine.
    pub fn execute(&self) -> Result<()> {
        self.check()?;
        for path in &self.paths {
            let meta = match std::fs::symlink_metadata(path) {
                Ok(m) => m,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e.into()),
            };
            let r = if meta.is_dir() && self.recursive {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_file(path)
            };
            r.map_err(|e| anyhow::anyhow!("removing {}: {e}", path.display()))?;
        }
        Ok(())
    }
}

/// `path` made absolute, with `.` and `..` taken out and the symlinks of its
/// longest existing ancestor resolved, so `out/../userland` and a link into
/// the sources are seen for what they are.
fn resolve(path: &Path) -> Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve the existing part; a link as the last component stays a link
    // (rm removes the link, not what it points to).
    let (last, parent) = match (clean.file_name(), clean.parent()) {
        (Some(l), Some(d)) => (l.to_owned(), d.to_path_buf()),
        _ => return Ok(clean),
    };
    let mut existing = parent.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(n) => rest.push(n.to_owned()),
            None => break,
        }
        existing.pop();
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for n in rest.into_iter().rev() {
        out.push(n);
    }
    out.push(last);
    Ok(out)
}

/// The files git tracks at or below `path` in the checkout `root` (none
/// when git or the repository is not there).
fn tracked_files(root: &Path, path: &Path) -> Vec<String> {
    let root = resolve(root).unwrap_or_else(|_| root.to_path_buf());
    let Ok(rel) = path.strip_prefix(&root) else {
        return vec![];
    };
    let spec = if rel.as_os_str().is_empty() {
        ".".to_string()
    } else {
        p(rel)
    };
    let out = crate::process::output(
        &Cmd::new("git")
            .line(["-C", &p(&root)])
            .args(["ls-files", "-z", "--", &spec]),
        None,
    );
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => vec![],
    }
}

/// The generated files of an in-tree build under `dir` that git does not
/// track: what `--in-tree --clean` removes.
pub fn in_tree_outputs(dir: &Path, root: &Path) -> Removal {
    let tracked: std::collections::BTreeSet<PathBuf> = tracked_files(root, dir)
        .into_iter()
        .map(|f| root.join(f))
        .collect();
    let paths = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|f| {
            let name = f.file_name().unwrap_or_default().to_string_lossy();
            GENERATED_SUFFIXES.iter().any(|s| name.ends_with(s)) && !tracked.contains(f)
        })
        .collect();
    Removal {
        paths,
        recursive: false,
        scope: Scope::InTreeOutputs,
        root: root.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("lkmc-remove-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("out/linux")).unwrap();
        d
    }

    #[test]
    fn only_strictly_inside_the_out_dir() {
        let d = scratch("scope");
        let out = d.join("out");
        let ok = Removal::under_out(&out.join("linux"), &out, &d);
        assert!(ok.check().is_ok());
        for bad in [
            out.clone(),
            d.join("userland"),
            out.join("../userland"),
            out.join("linux/../.."),
        ] {
            let r = Removal::under_out(&bad, &out, &d);
            let e = r.check().unwrap_err().to_string();
            assert!(e.contains("will not delete"), "{bad:?}: {e}");
        }
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_link_out_of_the_out_dir_is_seen_through() {
        let d = scratch("link");
        let out = d.join("out");
        std::fs::create_dir_all(d.join("mine/sub")).unwrap();
        std::os::unix::fs::symlink(d.join("mine"), out.join("l")).unwrap();
        let r = Removal::under_out(&out.join("l/sub"), &out, &d);
        assert!(r.check().is_err());
        // The link itself is lkmc's to remove: rm takes the link, not its target.
        let r = Removal::under_out(&out.join("l"), &out, &d);
        r.execute().unwrap();
        assert!(d.join("mine/sub").is_dir());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn tracked_files_are_refused_anywhere() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        if !root.join(".git").exists() {
            return;
        }
        // As if --out-dir were the checkout itself.
        let r = Removal::under_out(&root.join("userland"), root, root);
        let e = r.check().unwrap_err().to_string();
        assert!(e.contains("git tracks"), "{e}");
        let r = Removal {
            paths: vec![root.join("userland/c/hello.c")],
            recursive: false,
            scope: Scope::InTreeOutputs,
            root: root.to_path_buf(),
        };
        assert!(r.check().is_err());
    }

    #[test]
    fn partial_dirs_only() {
        let d = scratch("partial");
        let sub = d.join("submodules");
        let mk = |name: &str| Removal {
            paths: vec![sub.join(name)],
            recursive: true,
            scope: Scope::Partial(sub.clone()),
            root: d.clone(),
        };
        assert!(mk(".linux.partial").check().is_ok());
        assert!(mk("linux").check().is_err());
        assert!(mk(".linux.partial/../linux").check().is_err());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn renders_as_rm() {
        let r = Removal::under_out(Path::new("/o/a b"), Path::new("/o"), Path::new("/r"));
        assert_eq!(r.render(), "rm -rf '/o/a b'");
        let r = Removal::file_under_out(Path::new("/o/x"), Path::new("/o"), Path::new("/r"));
        assert_eq!(r.render(), "rm -f /o/x");
    }
}
