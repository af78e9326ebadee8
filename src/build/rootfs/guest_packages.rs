//! `lkmc build rootfs --guest-package NAME`: Debian packages of the guest's
//! arch, with the dependencies they need, in lkmc's own image.
//!
//! Like BusyBox (`build::deps::GUEST_PACKAGES`), they are downloaded as .deb
//! files (`apt-get download`) into out/guest_packages/ARCH/extra/debs and
//! unpacked (`dpkg-deb -x`), one tree per package, under extra/root/NAME;
//! nothing is installed on the host. The rootfs copies each tree into the
//! guest's root.
//!
//! Dependencies: apt resolves them for the guest arch (`apt-cache depends
//! --recurse`, Depends and Pre-Depends only), then lkmc walks that graph
//! from the requested packages, taking the first of each set of
//! alternatives and leaving out [`PROVIDED`] (the C and C++ runtime the
//! rootfs already copies from the cross toolchain's sysroot, built from the
//! same distro release's glibc and gcc, so a package of that release finds
//! every symbol version it needs there) and [`NOT_NEEDED`] (package
//! management, which only maintainer scripts use), with what only they
//! pull in. The resolution is kept in extra/resolved with the request it
//! answers, so a second build with the same packages asks apt nothing and
//! downloads nothing.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::remove::Removal;

/// Met by the sysroot libraries the rootfs copies (`lkmc::GUEST_LIBS`).
const PROVIDED: &[&str] = &["libc6", "libgcc-s1", "libstdc++6"];

/// Used by maintainer scripts, never by the programs themselves.
const NOT_NEEDED: &[&str] = &[
    "dpkg",
    "debconf",
    "debconf-2.0",
    "cdebconf",
    "install-info",
    "init-system-helpers",
];

/// The `apt-cache depends` filters: hard dependencies only.
const DEPENDS_FLAGS: &[&str] = &[
    "--recurse",
    "--no-recommends",
    "--no-suggests",
    "--no-conflicts",
    "--no-breaks",
    "--no-replaces",
    "--no-enhances",
];

/// Where the packages of one arch are downloaded and unpacked.
fn dir(paths: &Paths) -> PathBuf {
    paths.guest_packages_dir.join("extra")
}

/// The unpacked tree of package `name` (without `:arch`).
pub fn root(paths: &Paths, name: &str) -> PathBuf {
    dir(paths).join("root").join(name)
}

/// Whether `name` is a Debian package name (policy 5.6.1).
pub fn valid_name(name: &str) -> bool {
    name.len() >= 2
        && name.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c))
}

/// A package without its `:arch` qualifier.
fn bare(pkg: &str) -> &str {
    pkg.split(':').next().unwrap_or(pkg)
}

fn skipped(pkg: &str) -> bool {
    let b = bare(pkg);
    PROVIDED.contains(&b)
        || NOT_NEEDED.contains(&b)
        // gcc-N-base holds only the compiler's copyright files.
        || (b.starts_with("gcc-") && b.ends_with("-base"))
}

/// Each package of `apt-cache depends` output and what it needs: for each
/// dependency, the packages that satisfy it, best first.
type Graph = BTreeMap<String, Vec<Vec<String>>>;

/// Parse `apt-cache depends` output. A block starts at column 0 with the
/// package (`<name>` when it is virtual); `  Depends: X` or `  PreDepends:
/// X` starts a dependency, `  |Depends: X` says the next line is an
/// alternative of the same one, and lines indented by four list the real
/// packages providing a virtual `<X>`.
fn parse(text: &str) -> Graph {
    let mut graph = Graph::new();
    let mut current: Option<String> = None;
    let mut continues = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            let name = line.trim();
            current = (!name.starts_with('<')).then(|| name.to_string());
            if let Some(c) = &current {
                graph.entry(c.clone()).or_default();
            }
            continues = false;
            continue;
        }
        let Some(c) = &current else { continue };
        let deps = graph.get_mut(c).expect("entry made at the block start");
        let t = line.trim_start();
        if let Some((kind, dep)) = t.split_once(": ") {
            let alt = kind.starts_with('|');
            if !matches!(kind.trim_start_matches('|'), "Depends" | "PreDepends") {
                continue;
            }
            let dep = dep.trim().to_string();
            if continues {
                deps.last_mut()
                    .expect("an alternative follows one")
                    .push(dep);
            } else {
                deps.push(vec![dep]);
            }
            continues = alt;
        } else if line.starts_with("    ")
            && let Some(last) = deps.last_mut()
        {
            // A provider of the virtual package just named.
            last.push(t.trim().to_string());
        }
    }
    graph
}

/// The packages to unpack for `wanted` (the requested ones first), given
/// the graph apt gave for `arch` (Debian's name, e.g. arm64).
fn walk(graph: &Graph, wanted: &[String], arch: &str) -> Result<Vec<String>> {
    let fits =
        |p: &str| graph.contains_key(p) && (!p.contains(':') || p.ends_with(&format!(":{arch}")));
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|w| !fits(&format!("{w}:{arch}")) && !fits(w))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(UsageError::new(format!(
            "--guest-package: no package {} for {arch} in apt's lists (apt-cache policy {}:{arch}).\n\
             Check the name; if apt knows no {arch} packages at all, \
             `lkmc build --download-dependencies rootfs` with this arch adds the architecture",
            missing.join(", "),
            missing[0],
        ))
        .into());
    }
    let mut order: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<String> = wanted
        .iter()
        .map(|w| {
            let q = format!("{w}:{arch}");
            if fits(&q) { q } else { w.clone() }
        })
        .collect();
    let requested: BTreeSet<String> = queue.iter().cloned().collect();
    while let Some(pkg) = queue.pop_front() {
        if !seen.insert(pkg.clone()) || (skipped(&pkg) && !requested.contains(&pkg)) {
            continue;
        }
        order.push(pkg.clone());
        for alternatives in &graph[&pkg] {
            if alternatives.iter().any(|a| skipped(a)) {
                continue;
            }
            if let Some(first) = alternatives.iter().find(|a| fits(a)) {
                queue.push_back(first.clone());
            }
        }
    }
    Ok(order)
}

/// The request a resolution answers, as the first line of extra/resolved.
fn request_line(wanted: &[String], arch: &str) -> String {
    format!("request {arch}: {}", wanted.join(" "))
}

/// The packages to unpack for `wanted`: those of the last resolution when
/// it answered the same request, else apt's.
pub fn resolve(config: &Config, paths: &Paths, wanted: &[String]) -> Result<Vec<String>> {
    use std::sync::Mutex;
    if wanted.is_empty() {
        return Ok(vec![]);
    }
    /// Answers already given in this process (`check`, then `build`).
    static DONE: Mutex<BTreeMap<(PathBuf, String), Vec<String>>> = Mutex::new(BTreeMap::new());
    let arch = config.arch.facts().debian_arch;
    let request = request_line(wanted, arch);
    let key = (paths.guest_packages_dir.clone(), request.clone());
    if let Some(done) = DONE.lock().expect("not poisoned").get(&key) {
        return Ok(done.clone());
    }
    let got = resolve_uncached(config, paths, wanted, &request)?;
    DONE.lock().expect("not poisoned").insert(key, got.clone());
    Ok(got)
}

fn resolve_uncached(
    config: &Config,
    paths: &Paths,
    wanted: &[String],
    request: &str,
) -> Result<Vec<String>> {
    let arch = config.arch.facts().debian_arch;
    if let Ok(text) = std::fs::read_to_string(dir(paths).join("resolved")) {
        let mut lines = text.lines();
        if lines.next() == Some(request) {
            return Ok(lines.map(str::to_string).collect());
        }
    }
    // By its path: apt's, not a tool of the user's PATH (and a dry run
    // under an empty PATH, as tests/plans.rs makes, plans the same).
    let cmd = Cmd::new("/usr/bin/apt-cache")
        .arg("depends")
        .args(DEPENDS_FLAGS.iter().copied())
        .args(wanted.iter().map(|w| format!("{w}:{arch}")));
    if !config.quiet {
        eprintln!(
            "rootfs {}: resolving the dependencies of {} with apt",
            config.arch,
            wanted.join(", ")
        );
    }
    let out = crate::process::output(&cmd, None)
        .with_context(|| format!("running {}", cmd.render(true)))?;
    // apt-cache exits 100 when none of the names is known: `walk` names them.
    walk(&parse(&String::from_utf8_lossy(&out.stdout)), wanted, arch)
}

/// Download and unpack what `wanted` needs and is not unpacked yet, and
/// return the package trees the rootfs copies, in order.
pub fn prepare(
    wanted: &[String],
    config: &Config,
    paths: &Paths,
    exec: &Executor,
) -> Result<Vec<PathBuf>> {
    if wanted.is_empty() {
        return Ok(vec![]);
    }
    let arch = config.arch.facts().debian_arch;
    let resolved = resolve(config, paths, wanted)?;
    let roots: Vec<PathBuf> = resolved.iter().map(|r| root(paths, bare(r))).collect();
    let missing: Vec<&String> = resolved
        .iter()
        .zip(&roots)
        .filter(|(_, r)| !r.is_dir())
        .map(|(p, _)| p)
        .collect();
    let record = format!("{}\n{}\n", request_line(wanted, arch), resolved.join("\n"));
    let recorded = std::fs::read_to_string(dir(paths).join("resolved")).ok();
    if missing.is_empty() && recorded.as_deref() == Some(record.as_str()) {
        return Ok(roots);
    }
    if !config.quiet && !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|m| m.as_str()).collect();
        eprintln!(
            "rootfs {}: guest packages to download: {}",
            config.arch,
            names.join(" ")
        );
    }
    exec.execute(&plan(paths, &missing, record))?;
    Ok(roots)
}

/// The steps: download the missing .deb files, unpack each beside and
/// rename it into place (an interrupted unpack is redone), record the
/// resolution.
fn plan(paths: &Paths, missing: &[&String], record: String) -> Plan {
    let extra = dir(paths);
    let debs = extra.join("debs");
    let mut plan = Plan::new("guest packages", paths.log_file("build-guest-packages"));
    if !missing.is_empty() {
        plan.push(Step::Mkdir(debs.clone()));
        plan.push(Step::Mkdir(extra.join("root")));
        plan.cmd(
            "apt-get download",
            Cmd::new("apt-get")
                .arg("download")
                .args(missing.iter().map(|m| m.as_str()))
                .cwd(&debs),
        );
    }
    for pkg in missing {
        let name = bare(pkg);
        let tmp = extra.join("root").join(format!("{name}.tmp"));
        plan.push(Step::Remove(Removal::under_out(
            &tmp,
            &paths.out_dir,
            &paths.root_dir,
        )));
        // Package names hold no `_`: NAME_*.deb is this package's file.
        plan.cmd(
            "dpkg-deb -x",
            Cmd::new("sh")
                .line([
                    "-c",
                    "dpkg-deb -x debs/\"$1\"_*.deb \"root/$1.tmp\" && mv \"root/$1.tmp\" \"root/$1\"",
                    "sh",
                    name,
                ])
                .cwd(&extra),
        );
    }
    plan.push(Step::Write {
        path: extra.join("resolved"),
        contents: record,
        executable: false,
    });
    plan
}

/// What the rootfs must rebuild for: the list of package trees it copied,
/// recorded beside its images, so that removing a package rebuilds too.
pub fn list_record(roots: &[PathBuf]) -> String {
    roots.iter().map(|r| format!("{}\n", p(r))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUT: &str = "\
python3-minimal:arm64
  PreDepends: python3.11-minimal:arm64
  Depends: dpkg:arm64
    dpkg:armhf
    dpkg
python3.11-minimal:arm64
  PreDepends: libc6:arm64
  Depends: libpython3.11-minimal:arm64
  |Depends: libexpat1:arm64
  Depends: libexpat1-alt:arm64
  Depends: <zlib-virtual:arm64>
    zlib1g:arm64
dpkg:arm64
  Depends: tar:arm64
tar:arm64
libc6:arm64
libpython3.11-minimal:arm64
  Depends: libc6:arm64
libexpat1:arm64
libexpat1-alt:arm64
zlib1g:arm64
<nosuch:arm64>
";

    #[test]
    fn walk_takes_first_alternatives_providers_and_skips_what_lkmc_has() {
        let got = walk(&parse(OUT), &["python3-minimal".to_string()], "arm64").unwrap();
        assert_eq!(
            got,
            [
                "python3-minimal:arm64",
                "python3.11-minimal:arm64",
                "libpython3.11-minimal:arm64",
                "libexpat1:arm64",
                "zlib1g:arm64",
            ]
        );
    }

    #[test]
    fn walk_names_an_unknown_package_and_the_arch() {
        let e = walk(
            &parse(OUT),
            &["python3-minimal".into(), "nosuch".into()],
            "arm64",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("no package nosuch for arm64"), "{e}");
    }

    #[test]
    fn names_follow_debian_policy() {
        assert!(valid_name("python3.11-minimal") && valid_name("libstdc++6"));
        assert!(!valid_name("Strace") && !valid_name("a") && !valid_name("x;rm"));
    }
}
