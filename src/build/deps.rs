//! `lkmc build --download-dependencies`: install what the targets need.
//!
//! Host packages come from the distro with apt-get (through sudo when not
//! root). On Debian 12 QEMU comes from bookworm-backports: the images of
//! these machines ship backports' qemu-utils, which conflicts with
//! bookworm's own qemu-system. Guest-arch packages (static BusyBox, ...)
//! are downloaded as .deb files into out/ and unpacked there; nothing
//! foreign is installed on the host.

use anyhow::Result;
use std::collections::BTreeMap;

use crate::build::Target;
use crate::cmd::Cmd;
use crate::config::Config;
use crate::linux_source;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::sources;

/// Packages that must come from backports on bookworm.
const FROM_BACKPORTS: &[&str] = &[
    "qemu-system-x86",
    "qemu-system-arm",
    "qemu-user-static",
    "qemu-utils",
    // QEMU 10's build needs meson 1.5 or later (`lkmc build qemu`).
    "meson",
];

/// A Debian package of the guest's arch that the root filesystem takes files from.
pub struct GuestPackage {
    pub package: &'static str,
    /// The file the rootfs copies, relative to the unpacked package root.
    pub file: &'static str,
    pub why: &'static str,
}

/// The guest packages. Their shared-library needs are met by the
/// toolchain sysroot's libraries that the rootfs copies anyway.
pub const GUEST_PACKAGES: &[GuestPackage] = &[
    GuestPackage {
        package: "busybox-static",
        file: "bin/busybox",
        why: "the guest's shell, init and tools",
    },
    GuestPackage {
        package: "gdbserver",
        file: "usr/bin/gdbserver",
        why: "debugging guest processes from the host",
    },
];

/// The one the guest cannot do without.
pub const BUSYBOX: &GuestPackage = &GUEST_PACKAGES[0];
/// Serves `lkmc gdb --gdbserver`.
pub const GDBSERVER: &GuestPackage = &GUEST_PACKAGES[1];

impl GuestPackage {
    /// Where its file is once unpacked for the arch of `paths`.
    pub fn unpacked(&self, paths: &Paths) -> std::path::PathBuf {
        paths.guest_packages_dir.join("root").join(self.file)
    }
}

/// The guest packages not unpacked yet for the arch of `paths`.
pub fn missing_guest_packages(paths: &Paths) -> Vec<&'static GuestPackage> {
    GUEST_PACKAGES
        .iter()
        .filter(|g| !g.unpacked(paths).is_file())
        .collect()
}

/// Host packages wanted, each with the reason shown to the user.
#[derive(Default)]
pub struct Packages(BTreeMap<String, String>);

impl Packages {
    /// Want `pkg`, for `why` (the first reason given is kept).
    pub fn add(&mut self, pkg: &str, why: &str) {
        self.0
            .entry(pkg.to_string())
            .or_insert_with(|| why.to_string());
    }

    /// Each package and why it is wanted.
    pub fn into_inner(self) -> BTreeMap<String, String> {
        self.0
    }
}

/// What a component needs installed on the host for one arch.
pub type PackagesFn = fn(&Config, &Paths, &mut Packages) -> Result<()>;

/// Nothing beyond what its parts need.
pub fn no_packages(_: &Config, _: &Paths, _: &mut Packages) -> Result<()> {
    Ok(())
}

pub fn linux_packages(config: &Config, paths: &Paths, out: &mut Packages) -> Result<()> {
    for pkg in [
        "make",
        "gcc",
        "flex",
        "bison",
        "bc",
        "libelf-dev",
        "libssl-dev",
    ] {
        out.add(pkg, "kernel build");
    }
    out.add("cpio", "kernel build (headers archive)");
    out.add("kmod", "kernel build (depmod)");
    out.add("ccache", "faster kernel rebuilds");
    out.add("gdb-multiarch", "kernel debugging");
    out.add(
        config.arch.facts().gcc_package,
        "cross compiler for the kernel",
    );
    if !linux_source::is_tree(&paths.linux_source_dir)
        && let Some(pkg) = sources::get(&config.root, "linux")?.distro_package
    {
        out.add(&pkg, "kernel source when git cannot reach the remote");
    }
    Ok(())
}

/// The arch's C and C++ compilers with its C library (userland examples).
pub fn userland_packages(config: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    let f = config.arch.facts();
    out.add(f.gcc_package, "userland C compiler");
    out.add(f.gxx_package, "userland C++ compiler");
    out.add(f.libc_dev_package, "userland C library headers");
    Ok(())
}

pub fn rootfs_packages(config: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    out.add("qemu-utils", "qemu-img, for the qcow2 root image");
    out.add("e2fsprogs", "root filesystem image (mke2fs -d)");
    if !config.arch.is_host() {
        out.add(
            "qemu-user-static",
            "runs the guest's BusyBox to list its applets",
        );
    }
    out.add("cpio", "initramfs");
    out.add(
        config.arch.facts().gcc_package,
        "the sysroot's shared libraries for the guest",
    );
    Ok(())
}

/// The distro's QEMU for the arch.
fn qemu_package(config: &Config) -> &'static str {
    crate::facts::machine(config.arch, crate::facts::Emulator::Qemu)
        .package
        .expect("the distro has a QEMU for every arch lkmc knows")
}

pub fn qemu_linux_packages(config: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    out.add(qemu_package(config), "QEMU full-system emulator");
    out.add("tmux", "lkmc run --gdb split");
    Ok(())
}

pub fn baremetal_packages(config: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    let f = config.arch.facts();
    if let Some(b) = &f.baremetal {
        for pkg in b.packages {
            out.add(pkg, "baremetal compiler and C library (picolibc)");
        }
        out.add(qemu_package(config), "QEMU full-system emulator");
        out.add("gdb-multiarch", "baremetal debugging");
    }
    Ok(())
}

/// Install what `components` need for every arch in `configs`.
pub fn main(components: &[&Target], configs: &[Config], exec: &Executor) -> Result<()> {
    let mut wanted = Packages::default();
    for config in configs {
        let paths = Paths::new(config);
        for c in components {
            (c.packages)(config, &paths, &mut wanted)?;
        }
    }
    let wanted = wanted.0;
    let missing: BTreeMap<String, String> = installed_filter(&wanted);
    let paths = Paths::new(&configs[0]);
    let mut plan = Plan::new("dependencies", paths.log_file("download-dependencies"));
    let guests: Vec<(&Config, Paths)> = configs
        .iter()
        .filter(|c| components.iter().any(|t| (t.guest_packages)(c)))
        .map(|c| (c, Paths::new(c)))
        .filter(|(_, p)| !missing_guest_packages(p).is_empty())
        .collect();
    if missing.is_empty() && guests.is_empty() {
        if !exec.quiet {
            eprintln!(
                "dependencies: all {} host packages and the guest packages are in place",
                wanted.len()
            );
        }
        return Ok(());
    }
    if !exec.quiet && !missing.is_empty() {
        eprintln!("dependencies: installing {} package(s):", missing.len());
        for (pkg, why) in &missing {
            eprintln!("  {pkg}: {why}");
        }
    }
    let sudo = |cmd: Cmd| -> Cmd {
        if is_root() {
            cmd
        } else {
            // sudo resets the environment: the variables go on its command
            // line (`sudo VAR=value apt-get ...`), which it passes on.
            let mut s = Cmd::new("sudo")
                .args(cmd.env.iter().map(|(k, v)| format!("{k}={v}")))
                .arg(&cmd.program);
            s.lines.extend(cmd.lines);
            s
        }
    };
    let bookworm = os_codename().as_deref() == Some("bookworm");
    let (backports, plain): (Vec<&String>, Vec<&String>) = missing
        .keys()
        .partition(|p| bookworm && FROM_BACKPORTS.contains(&p.as_str()));
    if !backports.is_empty() && !has_backports_source() {
        plan.push(Step::Write {
            path: "/etc/apt/sources.list.d/lkmc-bookworm-backports.sources".into(),
            contents: format!(
                "Types: deb\nURIs: {}\nSuites: bookworm-backports\nComponents: main\n\
                 Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n",
                debian_mirror()
            ),
            executable: false,
        });
    }
    let foreign = foreign_archs();
    let native = native_arch();
    for (config, _) in &guests {
        let deb_arch = config.arch.facts().debian_arch;
        if deb_arch != native && !foreign.iter().any(|a| a == deb_arch) {
            plan.cmd(
                "dpkg --add-architecture",
                sudo(Cmd::new("dpkg").args(["--add-architecture", deb_arch])).oneline(),
            );
        }
    }
    plan.push(Step::run_may_fail(
        "apt-get update",
        sudo(Cmd::new("apt-get").args(["-o", "DPkg::Lock::Timeout=600", "update"])).oneline(),
    ));
    let install = |pkgs: &[&String], release: Option<&str>| {
        let mut c = Cmd::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .arg("install")
            .arg("-y")
            .arg("--no-install-recommends")
            // Wait for another apt (another lkmc build, unattended
            // upgrades) instead of failing at once on its lock.
            .line(["-o", "DPkg::Lock::Timeout=600"]);
        if let Some(r) = release {
            c = c.line(["-t", r]);
        }
        sudo(c.args(pkgs.iter().map(|s| s.as_str())))
    };
    if !plain.is_empty() {
        plan.cmd("apt-get install", install(&plain, None));
    }
    if !backports.is_empty() {
        plan.cmd(
            "apt-get install (backports)",
            install(&backports, Some("bookworm-backports")),
        );
    }
    for (config, paths) in &guests {
        guest_package_steps(&mut plan, config, paths, exec.quiet);
    }
    exec.execute(&plan)
}

/// Download the guest packages of one arch as .deb files and unpack them
/// into out/ (nothing foreign is installed on the host).
fn guest_package_steps(plan: &mut Plan, config: &Config, paths: &Paths, quiet: bool) {
    let deb_arch = config.arch.facts().debian_arch;
    let debs = paths.guest_packages_dir.join("debs");
    let wanted: Vec<String> = missing_guest_packages(paths)
        .iter()
        .map(|g| format!("{}:{deb_arch}", g.package))
        .collect();
    if !quiet {
        for (w, g) in wanted.iter().zip(missing_guest_packages(paths)) {
            eprintln!(
                "dependencies: guest package {w} ({}) into {}",
                g.why,
                debs.display()
            );
        }
    }
    plan.push(Step::Mkdir(debs.clone()));
    plan.cmd(
        "apt-get download",
        Cmd::new("apt-get")
            .arg("download")
            .args(wanted.iter().map(String::as_str))
            .cwd(&debs),
    );
    // Unpack, do not install: nothing foreign lands on the host.
    plan.cmd(
        "dpkg-deb -x",
        Cmd::new("sh")
            .line([
                "-c",
                "for d in debs/*.deb; do dpkg-deb -x \"$d\" root || exit; done",
            ])
            .cwd(&paths.guest_packages_dir),
    );
}

fn native_arch() -> String {
    crate::process::read(&Cmd::new("dpkg").arg("--print-architecture"))
}

fn foreign_archs() -> Vec<String> {
    crate::process::read(&Cmd::new("dpkg").arg("--print-foreign-architectures"))
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The subset of `wanted` that dpkg does not report as installed.
pub fn installed_filter(wanted: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let names: Vec<&str> = wanted.keys().map(String::as_str).collect();
    let out = crate::process::read(
        &Cmd::new("dpkg-query")
            .args(["-W", "-f=${db:Status-Abbrev} ${Package}\\n"])
            .args(names),
    );
    let installed: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("ii"))
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    wanted
        .iter()
        .filter(|(k, _)| !installed.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

fn os_codename() -> Option<String> {
    let text = std::fs::read_to_string("/etc/os-release").ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("VERSION_CODENAME="))
        .map(|v| v.trim_matches('"').to_string())
}

fn apt_sources() -> String {
    let mut text = std::fs::read_to_string("/etc/apt/sources.list").unwrap_or_default();
    if let Ok(dir) = std::fs::read_dir("/etc/apt/sources.list.d") {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".list") || name.ends_with(".sources") {
                text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    text
}

fn has_backports_source() -> bool {
    apt_sources()
        .lines()
        .any(|l| !l.trim_start().starts_with('#') && l.contains("bookworm-backports"))
}

/// The Debian mirror the machine already uses, so backports come from the
/// same place.
fn debian_mirror() -> String {
    for line in apt_sources().lines() {
        let l = line.trim();
        if let Some(uris) = l.strip_prefix("URIs:")
            && let Some(u) = uris.split_whitespace().find(|u| !u.contains("security"))
        {
            return u.to_string();
        }
        if let Some(rest) = l.strip_prefix("deb ")
            && rest.contains(" bookworm ")
            && let Some(u) = rest.split_whitespace().find(|w| w.contains("://"))
        {
            return u.to_string();
        }
    }
    "http://deb.debian.org/debian".to_string()
}
