//! The kernel source tree: its version, and how lkmc fills
//! `submodules/linux` when it is empty.
//!
//! A tree that is already there is always used as it is, never replaced: it
//! may hold the user's edits. An empty default location is filled by a
//! shallow git clone at the ref pinned in `configs/sources.toml` when git can
//! reach the remote, and otherwise from the distro's `linux-source-*`
//! tarball. Either way the tree appears under its final name only once it
//! is complete, so an interrupted fetch never looks like a source tree.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::Plan;
use crate::sources;

/// The version of the kernel tree in `dir`, from its top Makefile
/// (`6.1.192`), or `None` if `dir` is not a kernel tree.
pub fn version(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("Makefile")).ok()?;
    let field = |name: &str| {
        text.lines().take(10).find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == name).then(|| v.trim().to_string())
        })
    };
    let (v, p, s) = (field("VERSION")?, field("PATCHLEVEL")?, field("SUBLEVEL")?);
    let extra = field("EXTRAVERSION").unwrap_or_default();
    Some(format!("{v}.{p}.{s}{extra}"))
}

/// Whether `dir` holds a kernel tree.
pub fn is_tree(dir: &Path) -> bool {
    dir.join("Makefile").is_file() && dir.join("Kconfig").is_file()
}

fn tree(paths: &Paths) -> sources::Tree<'_> {
    sources::Tree {
        name: "linux",
        dir: &paths.linux_source_dir,
        option: "--linux-source-dir",
        what: "kernel source tree",
        marks: "no Makefile and Kconfig there",
        is_tree,
    }
}

/// Refuse a kernel source dir that is not a tree and that lkmc may not
/// fill; checks only, fetches nothing.
pub fn check(_config: &Config, paths: &Paths) -> Result<()> {
    sources::check(&tree(paths), paths)
}

/// Add to `plan` the steps that fill the kernel source dir, if it needs
/// filling; fail with what to do if it cannot be filled.
pub fn plan_fetch(config: &Config, paths: &Paths, plan: &mut Plan) -> Result<()> {
    let dir = &paths.linux_source_dir;
    let sources::Fetch::Unreachable(fetch) =
        sources::plan_fetch(&config.root, &tree(paths), paths, plan)?
    else {
        return Ok(());
    };
    let sources::Unreachable {
        source,
        partial,
        reset,
        finish,
    } = *fetch;
    let package = source.distro_package.clone().unwrap_or_default();
    let Some(tarball) = distro_tarball(&package) else {
        return Err(UsageError::new(format!(
            "no kernel source: {} is empty, git cannot reach {}, and no \
             /usr/src/linux-source-*.tar.xz is installed.\n\
             Install one with `lkmc build --download-dependencies linux` (Debian/Ubuntu \
             package {package}), or pass --linux-source-dir DIR for a tree of your own.",
            dir.display(),
            source.url
        ))
        .into());
    };
    eprintln!(
        "kernel source: git cannot reach {}; extracting {}",
        source.url,
        tarball.display()
    );
    plan.push(reset)
        .cmd(
            "mkdir",
            Cmd::new("mkdir").args(["-p", &p(&partial)]).oneline(),
        )
        .cmd(
            "extract linux source",
            Cmd::new("tar")
                .line(["-xf", &p(&tarball)])
                .arg("--strip-components=1")
                .line(["-C", &p(&partial)]),
        )
        .cmd("move into place", finish);
    Ok(())
}

/// The distro's kernel source tarball: `package` if installed, else the
/// newest `linux-source-*` there is.
fn distro_tarball(package: &str) -> Option<PathBuf> {
    let usr_src = Path::new("/usr/src");
    let wanted = usr_src.join(format!("{package}.tar.xz"));
    if wanted.is_file() {
        return Some(wanted);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(usr_src)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("linux-source-") && name.ends_with(".tar.xz")
        })
        .collect();
    found.sort();
    found.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_version_from_makefile() {
        let dir = std::env::temp_dir().join(format!("lkmc-ver-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("Makefile"),
            "# SPDX\nVERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 192\nEXTRAVERSION =\nNAME = x\n",
        )
        .unwrap();
        assert_eq!(version(&dir).as_deref(), Some("6.1.192"));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(version(&dir), None);
    }
}
