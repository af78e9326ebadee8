//! `lkmc build linux --linux-which distro`: the distro's packaged kernel for
//! the guest arch instead of a kernel build, booted in a few minutes from
//! nothing.
//!
//! Debian's `linux-image-FLAVOUR` metapackage (`--linux-distro-package`)
//! names its newest kernel (`linux-image-6.1.0-57-arm64`); apt says which
//! for the guest arch (`apt-cache show`), and lkmc downloads, as .deb files
//! (`apt-get download`, as it does BusyBox: nothing is installed on the
//! host), every one at the image's version: the image (vmlinuz and its
//! modules), its headers and their arch-independent common part (what
//! `lkmc build modules` builds against), the kbuild programs for the host's
//! arch (fixdep, modpost), and with `--linux-distro-dbg` the -dbg package's
//! vmlinux, for GDB. They are unpacked (`dpkg-deb -x`) under
//! out/linux-distro/ARCH/root, and links with fixed names (vmlinuz, build,
//! source, vmlinux) point into it, so that `Paths` needs no release.
//!
//! Debian builds as modules what lkmc's guest needs ([`BOOT_MODULES`]), so
//! the kernel boots with a small initramfs that lkmc makes: the static
//! BusyBox, those modules with their dependencies (`modprobe
//! --show-depends` on the unpacked tree, after the host's `depmod`), and
//! `configs/linux/distro-init`, which loads them, mounts the root disk and
//! switches to it. The resolution is kept in `resolved`: a second build asks
//! apt nothing and downloads nothing (`--force-rebuild` asks again, and
//! takes a newer kernel if Debian has one).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::build::BuildOptions;
use crate::build::deps::Packages;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::facts::Arch;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::remove::Removal;

/// The modules lkmc's guest needs before and after its root disk, which
/// lkmc's own kernel has built in (configs/linux/common.config): the virtio
/// transports, the disk, ext4, the network, the second console, 9P (the
/// host shares) and overlayfs. `modprobe` adds what they depend on and
/// skips those built in on an arch.
pub const BOOT_MODULES: &[&str] = &[
    "virtio_pci",
    "virtio_mmio",
    "virtio_blk",
    "ext4",
    "virtio_net",
    "virtio_console",
    "9pnet_virtio",
    "9p",
    "overlay",
];

/// The guest's init in the initramfs, in the checkout.
fn init_script(paths: &Paths) -> PathBuf {
    paths.linux_config_dir.join("distro-init")
}

/// The packages of one distro kernel, as apt resolved them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The kernel release (`uname -r`), e.g. 6.1.0-57-arm64.
    pub release: String,
    /// The Debian version every package is downloaded at.
    pub version: String,
    /// The image package (vmlinuz, modules).
    pub image: String,
    /// The headers package of the arch and its common part (arch all).
    pub headers: String,
    pub common: String,
    /// The kbuild programs, for the host's arch.
    pub kbuild: String,
    /// The -dbg package, when asked for.
    pub dbg: Option<String>,
}

impl Resolved {
    /// Each package to download as `apt-get download` takes it, with its
    /// file name in debs/.
    fn downloads(&self, arch: &str, host: &str) -> Vec<(String, String)> {
        let v = &self.version;
        let mut out = vec![
            (
                format!("{}:{arch}={v}", self.image),
                self.image.clone(),
                arch,
            ),
            (
                format!("{}:{arch}={v}", self.headers),
                self.headers.clone(),
                arch,
            ),
            (format!("{}={v}", self.common), self.common.clone(), "all"),
            (
                format!("{}:{host}={v}", self.kbuild),
                self.kbuild.clone(),
                host,
            ),
        ];
        if let Some(d) = &self.dbg {
            out.push((format!("{d}:{arch}={v}"), d.clone(), arch));
        }
        out.into_iter()
            .map(|(want, name, a)| (want, format!("{name}_{v}_{a}.deb")))
            .collect()
    }

    fn record(&self, request: &str) -> String {
        format!(
            "{request}\nrelease {}\nversion {}\nimage {}\nheaders {}\ncommon {}\nkbuild {}\ndbg {}\n",
            self.release,
            self.version,
            self.image,
            self.headers,
            self.common,
            self.kbuild,
            self.dbg.as_deref().unwrap_or("-"),
        )
    }

    fn from_record(text: &str, request: &str) -> Option<Resolved> {
        let mut lines = text.lines();
        if lines.next() != Some(request) {
            return None;
        }
        let mut get = |key: &str| {
            lines
                .next()?
                .strip_prefix(key)?
                .strip_prefix(' ')
                .map(str::to_string)
        };
        Some(Resolved {
            release: get("release")?,
            version: get("version")?,
            image: get("image")?,
            headers: get("headers")?,
            common: get("common")?,
            kbuild: get("kbuild")?,
            dbg: get("dbg").filter(|d| d != "-"),
        })
    }
}

/// The package asked for: `--linux-distro-package`, or the arch's
/// metapackage.
fn wanted(opts: &BuildOptions, config: &Config) -> String {
    opts.distro_package
        .clone()
        .unwrap_or_else(|| format!("linux-image-{}", config.arch.facts().debian_kernel_flavour))
}

/// What a resolution answers, as the first line of `resolved`: the
/// package asked for, with or without the -dbg package.
fn request_line(opts: &BuildOptions, config: &Config, dbg: bool) -> String {
    format!(
        "request {}: {} dbg={dbg}",
        config.arch.facts().debian_arch,
        wanted(opts, config),
    )
}

/// The host's Debian arch, for the kbuild programs that run on it.
fn host_debian_arch() -> Result<&'static str> {
    Arch::host()
        .map(|a| a.facts().debian_arch)
        .ok_or_else(|| anyhow::anyhow!("lkmc runs on x86_64, arm and aarch64 hosts only"))
}

/// The refusals that need nothing built: options that only lkmc's kernel
/// build takes, another emulator than QEMU, a kernel package apt does not
/// have for the arch.
pub fn check(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<()> {
    if let Some(option) = opts.kernel.first_set() {
        return Err(UsageError::new(format!(
            "{option} configures lkmc's kernel build; the distro's kernel (--linux-which distro) \
             comes configured by Debian. Leave it out, or build lkmc's kernel (--linux-which lkmc)"
        ))
        .into());
    }
    if !opts.make_args.is_empty() {
        return Err(UsageError::new(
            "make arguments after -- are for lkmc's kernel build; the distro's kernel \
             (--linux-which distro) is not built",
        )
        .into());
    }
    check_config(config)?;
    // With --download-dependencies the arch may not be known to apt yet:
    // the build resolves after the dependencies are in.
    if !opts.installs_dependencies {
        resolve(opts, config, paths)?;
    }
    Ok(())
}

/// What `--linux-which distro` refuses whatever the subcommand: a kernel
/// build id (there is one distro kernel per arch) and gem5 (which boots a
/// vmlinux with its own config needs, and takes no initramfs from lkmc).
pub fn check_config(config: &Config) -> Result<()> {
    if config.build_ids.linux != "default" {
        return Err(UsageError::new(format!(
            "--linux-build-id {} names one of lkmc's kernel builds; the distro's kernel \
             (--linux-which distro) has one per arch, in out/linux-distro/{}. Leave out \
             --linux-build-id",
            config.build_ids.linux, config.arch
        ))
        .into());
    }
    if config.emulator != crate::facts::Emulator::Qemu {
        return Err(UsageError::new(format!(
            "--linux-which distro boots on QEMU only; {} needs lkmc's kernel (leave out \
             --linux-which distro)",
            config.emulator.facts().name
        ))
        .into());
    }
    Ok(())
}

/// The packages for `opts`: those of the last resolution when it answered
/// the same request (and no --force-rebuild), else apt's.
pub fn resolve(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<Resolved> {
    use std::collections::BTreeMap;
    use std::sync::Mutex;
    /// Answers already given in this process (`check`, then `build`).
    static DONE: Mutex<BTreeMap<(PathBuf, String), Resolved>> = Mutex::new(BTreeMap::new());
    let key = (
        paths.linux_distro_dir.clone(),
        request_line(opts, config, opts.distro_dbg),
    );
    if let Some(done) = DONE.lock().expect("not poisoned").get(&key) {
        return Ok(done.clone());
    }
    let got = resolve_uncached(opts, config, paths)?;
    DONE.lock().expect("not poisoned").insert(key, got.clone());
    Ok(got)
}

fn resolve_uncached(opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<Resolved> {
    // A kept resolution with the -dbg package answers a request without it
    // too: a build without --linux-distro-dbg keeps the vmlinux fetched.
    let answers = [
        Some(request_line(opts, config, true)),
        (!opts.distro_dbg).then(|| request_line(opts, config, false)),
    ];
    if !opts.force_rebuild
        && let Ok(text) = std::fs::read_to_string(record_file(paths))
        && let Some(r) = answers
            .iter()
            .flatten()
            .find_map(|req| Resolved::from_record(&text, req))
    {
        return Ok(r);
    }
    let arch = config.arch.facts().debian_arch;
    let want = wanted(opts, config);
    let first = apt_show(&[format!("{want}:{arch}")], config)
        .ok_or_else(|| missing_package(&want, config))?;
    let stanza = &first[0];
    // A metapackage depends on the kernel it stands for; a kernel package
    // is the image itself.
    let image = depends(stanza)
        .into_iter()
        .find(|d| d.starts_with("linux-image-"))
        .unwrap_or_else(|| want.clone());
    let release = image
        .strip_prefix("linux-image-")
        .map(|r| r.trim_end_matches("-unsigned").to_string())
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .ok_or_else(|| {
            UsageError::new(format!(
                "--linux-distro-package {want}: not a kernel image package (linux-image-RELEASE, \
                 or a linux-image-* metapackage depending on one)"
            ))
        })?;
    let headers = format!("linux-headers-{release}");
    let both = apt_show(
        &[format!("{image}:{arch}"), format!("{headers}:{arch}")],
        config,
    )
    .filter(|s| s.len() == 2)
    .ok_or_else(|| missing_package(&format!("{image} and {headers}"), config))?;
    let version = field(&both[0], "Version")
        .ok_or_else(|| anyhow::anyhow!("apt-cache show {image}: no Version"))?;
    let header_deps = depends(&both[1]);
    let pick = |prefix: &str| {
        header_deps
            .iter()
            .find(|d| d.starts_with(prefix))
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("{headers} depends on no {prefix}* package"))
    };
    Ok(Resolved {
        common: pick("linux-headers-")?,
        kbuild: pick("linux-kbuild-")?,
        dbg: opts
            .distro_dbg
            .then(|| format!("linux-image-{release}-dbg")),
        release,
        version,
        image,
        headers,
    })
}

/// The error for a package apt does not have for the arch.
fn missing_package(what: &str, config: &Config) -> anyhow::Error {
    let arch = config.arch.facts().debian_arch;
    UsageError::new(format!(
        "no package {what} for {arch} in apt's lists (apt-cache policy {what}:{arch}).\n\
         List the kernels apt has for {arch}: apt-cache search --names-only '^linux-image-' \
         | grep -e '-{flavour}' (then --linux-distro-package NAME).\n\
         If apt knows no {arch} packages at all, `lkmc build --download-dependencies \
         --linux-which distro --arch {a} linux` adds the architecture.",
        flavour = config.arch.facts().debian_kernel_flavour,
        a = config.arch,
    ))
    .into()
}

/// `apt-cache show --no-all-versions` of `pkgs`: one stanza per package,
/// or None when apt knows one of them not.
fn apt_show(pkgs: &[String], config: &Config) -> Option<Vec<String>> {
    // By its path: apt's, whatever the PATH (tests/plans.rs plans under an
    // empty one).
    let cmd = Cmd::new("/usr/bin/apt-cache")
        .args(["show", "--no-all-versions"])
        .args(pkgs);
    if !config.quiet {
        eprintln!(
            "linux distro {}: asking apt about {}",
            config.arch,
            pkgs.join(" ")
        );
    }
    let out = crate::process::output(&cmd, None).ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let stanzas: Vec<String> = text
        .split("\n\n")
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
        .collect();
    (stanzas.len() >= pkgs.len()).then_some(stanzas)
}

/// A field of a Debian control stanza.
fn field(stanza: &str, name: &str) -> Option<String> {
    stanza
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
        .map(|v| v.trim().to_string())
}

/// The package names of a stanza's Depends (the first of alternatives,
/// without version or arch).
fn depends(stanza: &str) -> Vec<String> {
    field(stanza, "Depends")
        .unwrap_or_default()
        .split(',')
        .filter_map(|d| {
            let first = d.split('|').next()?.trim();
            let name = first.split([' ', '(', ':']).next()?;
            (!name.is_empty()).then(|| name.to_string())
        })
        .collect()
}

fn record_file(paths: &Paths) -> PathBuf {
    paths.linux_distro_dir.join("resolved")
}

/// Fetch, unpack and link the distro kernel for one arch, then make its
/// initramfs; each part only when it is missing or its inputs changed.
pub fn build(opts: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    check_config(config)?;
    let busybox = crate::build::rootfs::lkmc::guest_busybox(paths);
    if !config.dry_run && !busybox.is_file() {
        return Err(UsageError::new(format!(
            "the distro kernel's initramfs needs the guest's BusyBox, and {} is missing.\n\
             Fetch it with: lkmc build --download-dependencies --linux-which distro --arch {} linux",
            busybox.display(),
            config.arch
        ))
        .into());
    }
    let r = resolve(opts, config, paths)?;
    let request = request_line(opts, config, r.dbg.is_some());
    let record = r.record(&request);
    let unpacked = std::fs::read_to_string(record_file(paths)).ok().as_deref()
        == Some(record.as_str())
        && paths.linux_image.exists()
        && paths.linux_build_dir.exists();
    if !config.quiet {
        eprintln!(
            "linux distro {}: {} {} ({}){}",
            config.arch,
            r.image,
            r.version,
            r.release,
            if unpacked { ", unpacked already" } else { "" }
        );
    }
    let mut plan = Plan::new("linux distro", paths.linux_log_file.clone());
    if !unpacked || opts.force_rebuild {
        let host = host_debian_arch()?;
        fetch_steps(&mut plan, &r, record.clone(), config, paths, host);
    }
    let initramfs_fresh = unpacked
        && !opts.force_rebuild
        && newer_than(
            paths.linux_initrd.as_deref(),
            &[&init_script(paths), &busybox, &record_file(paths)],
        );
    if !initramfs_fresh {
        initramfs_steps(&mut plan, &r, paths, &busybox);
    }
    if plan.steps.is_empty() {
        if !config.quiet {
            eprintln!(
                "linux distro {}: up to date ({})",
                config.arch,
                paths.linux_distro_dir.display()
            );
        }
        return Ok(());
    }
    exec.execute(&plan)
}

/// Whether `out` exists and is newer than each of `inputs`.
fn newer_than(out: Option<&Path>, inputs: &[&Path]) -> bool {
    let mtime = |f: &Path| std::fs::metadata(f).and_then(|m| m.modified()).ok();
    let Some(out) = out.and_then(mtime) else {
        return false;
    };
    inputs.iter().all(|i| mtime(i).is_some_and(|t| t < out))
}

/// Download, unpack into root.tmp and rename into place, point the
/// headers at their unpacked common part, index the modules, link the
/// fixed names and record the resolution.
fn fetch_steps(
    plan: &mut Plan,
    r: &Resolved,
    record: String,
    config: &Config,
    paths: &Paths,
    host: &str,
) {
    let dir = &paths.linux_distro_dir;
    let arch = config.arch.facts().debian_arch;
    let debs = dir.join("debs");
    let downloads = r.downloads(arch, host);
    let under_out = |path: &Path| Removal::under_out(path, &paths.out_dir, &paths.root_dir);
    plan.push(Step::Mkdir(debs.clone()));
    plan.cmd(
        "apt-get download",
        Cmd::new("apt-get")
            .arg("download")
            .args(downloads.iter().map(|(want, _)| want.as_str()))
            .cwd(&debs),
    );
    let tmp = dir.join("root.tmp");
    plan.push(Step::Remove(under_out(&tmp)));
    // Unpack, do not install; the -dbg package (5 GB unpacked) gives its
    // vmlinux only.
    let (dbg, whole): (Vec<_>, Vec<_>) = downloads
        .iter()
        .partition(|(want, _)| r.dbg.as_ref().is_some_and(|d| want.starts_with(d.as_str())));
    plan.cmd(
        "dpkg-deb -x",
        Cmd::new("sh")
            .line([
                "-c",
                "for deb in \"$@\"; do dpkg-deb -x \"debs/$deb\" root.tmp || exit; done",
                "sh",
            ])
            .args(whole.iter().map(|(_, file)| file.as_str()))
            .cwd(dir),
    );
    let root = dir.join("root");
    plan.push(Step::Remove(under_out(&root)));
    plan.cmd(
        "root in place",
        Cmd::new("mv").args([&p(&tmp), &p(&root)]).oneline(),
    );
    // The headers' Makefile includes the common part by its installed
    // path, /usr/src/...: the unpacked one instead.
    let headers = root
        .join("usr/src")
        .join(format!("linux-headers-{}", r.release));
    plan.cmd(
        "headers use the unpacked common part",
        Cmd::new("sed")
            .arg("-i")
            .arg(format!(
                "s|^include /usr/src/|include {}/|",
                p(&root.join("usr/src"))
            ))
            .arg(p(&headers.join("Makefile"))),
    );
    // kbuild's modules_install runs depmod only with a System.map in the
    // build dir (scripts/depmod.sh): the image package's, for `lkmc build
    // modules`' install of lkmc's modules. (It cannot sign them: Debian's
    // key stays with Debian, and kbuild goes on unsigned for M= builds.)
    plan.cmd(
        "System.map for modules_install",
        Cmd::new("ln")
            .args([
                "-sfn",
                &format!("../../../boot/System.map-{}", r.release),
                &p(&headers.join("System.map")),
            ])
            .oneline(),
    );
    // The package's postinst would run depmod; modprobe reads its index.
    plan.cmd(
        "depmod",
        // By its path: /sbin is not in every user's PATH.
        Cmd::new("/sbin/depmod")
            .line(["-b", &p(&root)])
            .arg(&r.release)
            .oneline(),
    );
    let mut links = vec![
        ("vmlinuz", format!("root/boot/vmlinuz-{}", r.release)),
        ("build", format!("root/usr/src/linux-headers-{}", r.release)),
        ("source", format!("root/usr/src/{}", r.common)),
    ];
    if let Some((_, file)) = dbg.first() {
        let vmlinux = format!("usr/lib/debug/boot/vmlinux-{}", r.release);
        let dbg_tmp = dir.join("dbg.tmp");
        plan.push(Step::Remove(under_out(&dbg_tmp)));
        plan.push(Step::Mkdir(dbg_tmp.clone()));
        plan.cmd(
            "vmlinux of the -dbg package",
            Cmd::new("sh")
                .line([
                    "-c",
                    "dpkg-deb --fsys-tarfile \"debs/$1\" | tar -x -C dbg.tmp \"./$2\"",
                    "sh",
                    file.as_str(),
                    &vmlinux,
                ])
                .cwd(dir),
        );
        plan.push(Step::Remove(under_out(&dir.join("dbg"))));
        plan.cmd(
            "dbg in place",
            Cmd::new("mv")
                .args([&p(&dbg_tmp), &p(&dir.join("dbg"))])
                .oneline(),
        );
        links.push(("vmlinux", format!("dbg/{vmlinux}")));
    }
    for (name, target) in links {
        plan.cmd(
            format!("link {name}"),
            Cmd::new("ln")
                .args(["-sfn", &target, &p(&dir.join(name))])
                .oneline(),
        );
    }
    plan.push(Step::Write {
        path: paths.linux_release_file.clone(),
        contents: format!("{}\n", r.release),
        executable: false,
    });
    plan.push(Step::Write {
        path: record_file(paths),
        contents: record,
        executable: false,
    });
}

/// The initramfs: BusyBox, the init, the boot modules and what they need,
/// packed with cpio (owned by root) and renamed into place.
fn initramfs_steps(plan: &mut Plan, r: &Resolved, paths: &Paths, busybox: &Path) {
    let dir = &paths.linux_distro_dir;
    let tree = dir.join("initramfs");
    let initrd = paths
        .linux_initrd
        .clone()
        .expect("the distro kernel boots with an initramfs");
    let t = |sub: &str| p(&tree.join(sub));
    plan.push(Step::Remove(Removal::under_out(
        &tree,
        &paths.out_dir,
        &paths.root_dir,
    )));
    plan.cmd(
        "initramfs tree",
        Cmd::new("mkdir")
            .arg("-p")
            .args(["bin", "dev", "proc", "newroot", "lib/modules"].map(t))
            .oneline(),
    );
    plan.cmd(
        "busybox",
        Cmd::new("cp")
            .args([&p(busybox), &t("bin/busybox")])
            .oneline(),
    );
    plan.cmd(
        "link sh",
        Cmd::new("ln")
            .args(["-s", "busybox", &t("bin/sh")])
            .oneline(),
    );
    plan.cmd(
        "init",
        Cmd::new("cp")
            .args([&p(&init_script(paths)), &t("init")])
            .oneline(),
    );
    // Each module once, in modprobe's load order, at its path in the
    // guest; a name neither built in nor a module fails the step.
    plan.cmd(
        "boot modules",
        Cmd::new("sh")
            .line([
                "-c",
                "root=$1 release=$2 tree=$3; shift 3\n\
                 /sbin/modprobe -d \"$root\" -S \"$release\" --show-depends -a \"$@\" >\"$tree.deps\" || exit\n\
                 list=$tree/lib/modules/load.list; : >\"$list\"\n\
                 while read -r what ko _; do\n\
                 \t[ \"$what\" = insmod ] || continue\n\
                 \tm=${ko#\"$root\"}\n\
                 \tgrep -qxF \"$m\" \"$list\" && continue\n\
                 \tmkdir -p \"$tree${m%/*}\" && cp \"$ko\" \"$tree$m\" && echo \"$m\" >>\"$list\" || exit\n\
                 done <\"$tree.deps\"",
                "sh",
            ])
            .line([p(&dir.join("root")), r.release.clone(), p(&tree)])
            .line(BOOT_MODULES.iter().copied()),
    );
    let tmp = dir.join("initrd.cpio.tmp");
    plan.cmd(
        "cpio",
        Cmd::new("sh").line([
            "-c",
            "cd \"$1\" && find . | cpio --quiet -o -H newc -R 0:0 >\"$2\"",
            "sh",
            &p(&tree),
            &p(&tmp),
        ]),
    );
    plan.cmd(
        "initramfs in place",
        Cmd::new("mv").args([&p(&tmp), &p(&initrd)]).oneline(),
    );
}

/// Host packages: apt's tools, depmod and modprobe, cpio, and the cross
/// compiler and GDB for modules and debugging.
pub fn packages(config: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    out.add("dpkg", "unpacks the distro kernel's packages");
    out.add(
        "kmod",
        "depmod and modprobe --show-depends on the distro kernel's modules",
    );
    out.add("cpio", "the distro kernel's initramfs");
    out.add("make", "kernel modules against the distro kernel's headers");
    out.add(
        config.arch.facts().gcc_package,
        "cross compiler for modules against the distro kernel",
    );
    out.add("gdb-multiarch", "kernel debugging");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = "Package: linux-image-arm64\nVersion: 6.1.192-3\n\
        Depends: linux-image-6.1.0-57-arm64 (= 6.1.192-3)\nDescription: x\n";
    const HEADERS: &str = "Package: linux-headers-6.1.0-57-arm64\nVersion: 6.1.192-3\n\
        Depends: linux-headers-6.1.0-57-common (= 6.1.192-3), linux-kbuild-6.1 (>= 6.1.192-3), gcc-12\n";

    #[test]
    fn depends_gives_names_only() {
        assert_eq!(depends(META), ["linux-image-6.1.0-57-arm64"]);
        assert_eq!(
            depends(HEADERS),
            [
                "linux-headers-6.1.0-57-common",
                "linux-kbuild-6.1",
                "gcc-12"
            ]
        );
        assert_eq!(field(META, "Version").as_deref(), Some("6.1.192-3"));
    }

    #[test]
    fn record_round_trips() {
        let r = Resolved {
            release: "6.1.0-57-arm64".into(),
            version: "6.1.192-3".into(),
            image: "linux-image-6.1.0-57-arm64".into(),
            headers: "linux-headers-6.1.0-57-arm64".into(),
            common: "linux-headers-6.1.0-57-common".into(),
            kbuild: "linux-kbuild-6.1".into(),
            dbg: None,
        };
        let req = "request arm64: linux-image-arm64 dbg=false";
        assert_eq!(Resolved::from_record(&r.record(req), req), Some(r.clone()));
        assert_eq!(Resolved::from_record(&r.record(req), "request other"), None);
        let files: Vec<String> = r
            .downloads("arm64", "amd64")
            .into_iter()
            .map(|(_, f)| f)
            .collect();
        assert_eq!(
            files,
            [
                "linux-image-6.1.0-57-arm64_6.1.192-3_arm64.deb",
                "linux-headers-6.1.0-57-arm64_6.1.192-3_arm64.deb",
                "linux-headers-6.1.0-57-common_6.1.192-3_all.deb",
                "linux-kbuild-6.1_6.1.192-3_amd64.deb",
            ]
        );
    }
}
