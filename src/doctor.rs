//! `lkmc doctor`: what this machine has and lacks for each arch, target and
//! emulator, and the command that fills each gap.
//!
//! It reads the tables lkmc already keeps (the build targets' package
//! lists, `facts/`, `configs/sources.toml`, the kernel fragments) and the
//! paths of `Paths`, looks at the machine, and reports; it installs,
//! builds, fetches and writes nothing. Its exit status is 1 when the
//! default workflow (`lkmc build && lkmc run`, x86_64) cannot run as the
//! machine is.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::build::{self, BuildOptions, deps};
use crate::cli::DoctorArgs;
use crate::cmd::Cmd;
use crate::config::Config;
use crate::facts::{Arch, Emulator, machine};
use crate::paths::Paths;

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// There, as lkmc expects it.
    Ok,
    /// Not there; `fix` gets it.
    Missing,
    /// There, but not as lkmc expects it; `fix` says what to do.
    Warn,
    /// A fact about the machine, neither good nor bad.
    Info,
}

/// One thing looked at.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    /// `host`, an arch, `kernel`, `gem5`, `buildroot`.
    pub area: String,
    pub name: String,
    pub status: Status,
    /// What was found: a version, a path, a reason.
    pub detail: String,
    /// The command (or step) that fills the gap.
    pub fix: Option<String>,
    /// The default workflow (build and boot x86_64) needs it.
    pub default_workflow: bool,
}

impl Check {
    fn new(area: &str, name: &str, status: Status, detail: impl Into<String>) -> Check {
        Check {
            area: area.to_string(),
            name: name.to_string(),
            status,
            detail: detail.into(),
            fix: None,
            default_workflow: false,
        }
    }
    fn fix(mut self, fix: impl Into<String>) -> Check {
        if self.status != Status::Ok {
            self.fix = Some(fix.into());
        }
        self
    }
    fn needed(mut self, needed: bool) -> Check {
        self.default_workflow = needed;
        self
    }
    /// It stops the default workflow.
    fn blocks(&self) -> bool {
        self.default_workflow && self.status == Status::Missing
    }
}

/// Packages the default targets install that a build and a boot can do
/// without: faster rebuilds, debugging, the `--gdb` tmux split.
const NOT_NEEDED_TO_BOOT: &[&str] = &["ccache", "gdb-multiarch", "tmux"];

/// A cold build's time on 2 cores, in minutes (README.adoc, "Speed").
const KERNEL_MINUTES_ON_2_CORES: (f64, f64) = (8.0, 10.0);
const GEM5_MINUTES_ON_2_CORES: (f64, f64) = (90.0, 120.0);

/// Below this much free disk under out/, say so.
const LOW_DISK_GIB: f64 = 10.0;

/// `lkmc doctor`.
pub fn main(args: &DoctorArgs, configs: &[Config]) -> Result<ExitCode> {
    let checks = checks(&configs[0])?;
    let blocking: Vec<&Check> = checks.iter().filter(|c| c.blocks()).collect();
    if args.json {
        let v = serde_json::json!({
            "root": configs[0].root,
            "checks": checks,
            "default_workflow": {
                "ready": blocking.is_empty(),
                "missing": blocking.iter().map(|c| format!("{} {}", c.area, c.name)).collect::<Vec<_>>(),
            },
        });
        crate::plan::print_out(&format!("{}\n", serde_json::to_string_pretty(&v)?))?;
    } else {
        crate::plan::print_out(&render(&checks))?;
    }
    Ok(if blocking.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The report for a person: the checks by area, each gap with its fix,
/// then whether the default workflow can run.
fn render(checks: &[Check]) -> String {
    let mut text = String::new();
    let mut area = "";
    for c in checks {
        if c.area != area {
            area = &c.area;
            text.push_str(&format!("{area}\n"));
        }
        let word = match c.status {
            Status::Ok => "ok",
            Status::Missing => "MISSING",
            Status::Warn => "WARN",
            Status::Info => "info",
        };
        text.push_str(&format!("  {word:<8} {}: {}\n", c.name, c.detail));
        if let Some(fix) = &c.fix {
            text.push_str(&format!("           fix: {fix}\n"));
        }
    }
    let blocking: Vec<String> = checks
        .iter()
        .filter(|c| c.blocks())
        .map(|c| format!("{} {}", c.area, c.name))
        .collect();
    if blocking.is_empty() {
        text.push_str("\ndefault workflow (lkmc build && lkmc run, x86_64): can run\n");
    } else {
        text.push_str(&format!(
            "\ndefault workflow (lkmc build && lkmc run, x86_64): cannot run; missing: {}\n  \
             fix: lkmc build --download-dependencies (each fix above)\n",
            blocking.join(", ")
        ));
    }
    text
}

/// Every check, host first, then each arch, the kernel tree, gem5 and
/// Buildroot.
pub fn checks(template: &Config) -> Result<Vec<Check>> {
    let arch_config = |arch| Config {
        arch,
        ..template.clone()
    };
    let x86 = arch_config(Arch::X86_64);
    let paths = Paths::new(&x86);
    let mut v = host(&x86, &paths);
    for arch in Arch::ALL {
        let config = arch_config(arch);
        v.extend(for_arch(&config, &Paths::new(&config))?);
    }
    v.extend(kernel_tree(&x86, &paths)?);
    v.extend(gem5(template)?);
    v.push(buildroot(&x86, &paths)?);
    Ok(v)
}

// ---- host ------------------------------------------------------------------

fn host(config: &Config, paths: &Paths) -> Vec<Check> {
    let h = "host";
    let mut v = Vec::new();
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|s| s.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| "unknown (no /etc/os-release)".into());
    let debian = which::which("dpkg-query").is_ok() && which::which("apt-get").is_ok();
    let os_check = if debian {
        Check::new(h, "os", Status::Ok, os)
    } else {
        Check::new(
            h,
            "os",
            Status::Warn,
            format!("{os}: not Debian or Ubuntu; lkmc installs packages with apt-get"),
        )
        .fix("install the packages the checks below name with your distro's tools")
    };
    v.push(os_check);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (total, available) = memory_gib();
    v.push(Check::new(
        h,
        "cores and memory",
        Status::Info,
        format!("{cores} cores, {total:.1} GiB memory ({available:.1} GiB available)"),
    ));
    v.push(estimate(cores, total));
    v.push(disk(&config.out_dir));
    v.push(kvm());
    for (tool, package) in [
        ("make", "make"),
        ("git", "git"),
        ("gdb-multiarch", "gdb-multiarch"),
        ("tmux", "tmux"),
        ("ccache", "ccache"),
        ("scons", "scons"),
    ] {
        let needed = tool == "make";
        v.push(tool_check(h, Path::new(tool), package, config, paths).needed(needed));
    }
    v
}

/// Total and available memory, GiB.
fn memory_gib() -> (f64, f64) {
    let text = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|r| r.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0.0, |kib| kib / 1024.0 / 1024.0)
    };
    (field("MemTotal:"), field("MemAvailable:"))
}

/// A cold build's time here, from its time on 2 cores, scaled by cores
/// (builds are parallel make and scons).
fn estimate(cores: usize, memory_gib: f64) -> Check {
    let scale = 2.0 / cores.max(1) as f64;
    let range = |(lo, hi): (f64, f64)| (lo * scale, hi * scale);
    let (k_lo, k_hi) = range(KERNEL_MINUTES_ON_2_CORES);
    let (g_lo, g_hi) = range(GEM5_MINUTES_ON_2_CORES);
    let mut detail = format!(
        "kernel ~{k_lo:.0}-{k_hi:.0} min per arch (~{:.0}-{:.0} min for all three), \
         gem5 ~{:.1}-{:.1} h, on {cores} cores",
        k_lo * 3.0,
        k_hi * 3.0,
        g_lo / 60.0,
        g_hi / 60.0
    );
    if memory_gib < 4.0 {
        detail.push_str("; under 4 GiB of memory gem5's link may fail or swap (use -j 1)");
    }
    Check::new("host", "cold build time", Status::Info, detail)
}

/// Free space where out/ is (or would be).
fn disk(out_dir: &Path) -> Check {
    let mut dir = out_dir.to_path_buf();
    while !dir.exists() && dir.pop() {}
    let df = crate::process::read(&Cmd::new("df").args(["-Pk", &crate::cmd::p(&dir)]));
    let free_kib = df
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().nth(3)?.parse::<f64>().ok());
    let Some(kib) = free_kib else {
        return Check::new(
            "host",
            "disk",
            Status::Warn,
            format!("cannot tell the free space under {} (df)", dir.display()),
        );
    };
    let gib = kib / 1024.0 / 1024.0;
    let detail = format!("{gib:.1} GiB free under {}", out_dir.display());
    if gib < LOW_DISK_GIB {
        Check::new(
            "host",
            "disk",
            Status::Warn,
            format!("{detail}: the three archs' builds take a few GiB, a gem5 build several more"),
        )
        .fix("free some space, or put out/ elsewhere with --out-dir DIR")
    } else {
        Check::new("host", "disk", Status::Ok, detail)
    }
}

nix::ioctl_write_int_bad!(kvm_create_vm, nix::request_code_none!(0xAE, 0x01));

/// Whether `lkmc run --kvm` can work here, and why not. Runs do not need
/// KVM (they use TCG unless --kvm), so this never blocks.
fn kvm() -> Check {
    let name = "kvm";
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let flags: Vec<&str> = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("flags"))
        .map(|l| l.split_whitespace().collect())
        .unwrap_or_default();
    let in_vm = flags.contains(&"hypervisor");
    let vt = flags.iter().any(|f| *f == "vmx" || *f == "svm");
    let without = "runs use TCG without --kvm (the default)";
    if Arch::host() != Some(Arch::X86_64) {
        return Check::new(
            "host",
            name,
            Status::Info,
            format!("not an x86_64 host: --kvm runs only a guest of the host's arch; {without}"),
        );
    }
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/kvm")
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let why = if in_vm && !vt {
                "no /dev/kvm: this is a virtual machine without nested virtualization \
                 (no vmx/svm CPU flag)"
            } else if !vt {
                "no /dev/kvm: the CPU has no virtualization (vmx/svm) or it is off in the firmware"
            } else {
                "no /dev/kvm: the kvm module is not loaded"
            };
            let fix = if in_vm && !vt {
                "enable nested virtualization in the hypervisor, or go without"
            } else {
                "sudo modprobe kvm_intel (or kvm_amd), or go without"
            };
            return Check::new("host", name, Status::Missing, format!("{why}; {without}")).fix(fix);
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Check::new(
                "host",
                name,
                Status::Missing,
                format!("/dev/kvm is there, but this user may not open it ({e}); {without}"),
            )
            .fix("sudo usermod -aG kvm $USER, then log in again");
        }
        Err(e) => {
            return Check::new(
                "host",
                name,
                Status::Missing,
                format!("cannot open /dev/kvm: {e}; {without}"),
            );
        }
    };
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    // SAFETY: KVM_CREATE_VM on an open /dev/kvm takes an int (the machine
    // type, 0) and returns a new fd, which the OwnedFd closes.
    match unsafe { kvm_create_vm(file.as_raw_fd(), 0) } {
        Ok(vm) => {
            drop(unsafe { OwnedFd::from_raw_fd(vm) });
            let how = match (in_vm, Path::new("/sys/module/kvm_pvm").exists()) {
                (true, true) => " (nested, under a hypervisor, through the kvm_pvm module)",
                (true, false) => " (nested, under a hypervisor)",
                _ => "",
            };
            Check::new(
                "host",
                name,
                Status::Ok,
                format!("/dev/kvm creates a VM{how}: lkmc run --kvm can use it (x86_64 guests)"),
            )
        }
        Err(e) => Check::new(
            "host",
            name,
            Status::Missing,
            format!("/dev/kvm opens but creates no VM ({e}); {without}"),
        ),
    }
}

// ---- tools and packages ----------------------------------------------------

/// The command that installs `package` for `arch`: the first build target
/// whose package list (build/deps.rs, build/gem5.rs) has it.
fn fix_for_package(package: &str, config: &Config, paths: &Paths) -> String {
    let arch = config.arch;
    for target in ["qemu-linux", "baremetal", "gem5", "m5"] {
        if let Ok(wanted) = target_packages(target, config, paths)
            && wanted.iter().any(|(p, _)| p == package)
        {
            return format!("lkmc build --download-dependencies --arch {arch} {target}");
        }
    }
    format!("sudo apt-get install {package}")
}

/// The host packages `target` and its components want, with why.
fn target_packages(target: &str, config: &Config, paths: &Paths) -> Result<Vec<(String, String)>> {
    let mut wanted = deps::Packages::default();
    for c in build::resolve(&[target.to_string()])? {
        (c.packages)(config, paths, &mut wanted)?;
    }
    Ok(wanted.into_inner().into_iter().collect())
}

/// The first line of `tool --version` that has a digit in it.
fn version(tool: &Path) -> String {
    let flag = if tool.ends_with("tmux") {
        "-V"
    } else {
        "--version"
    };
    crate::process::read(&Cmd::new(crate::cmd::p(tool)).arg(flag))
        .lines()
        .map(str::trim)
        .find(|l| l.chars().any(|c| c.is_ascii_digit()))
        .unwrap_or("(no version)")
        .to_string()
}

/// Whether `tool` is found (a name in PATH, or a path) and its version.
fn tool_check(area: &str, tool: &Path, package: &str, config: &Config, paths: &Paths) -> Check {
    let name = tool.file_name().map_or_else(
        || tool.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    match which::which(tool) {
        Ok(found) => Check::new(
            area,
            &name,
            Status::Ok,
            format!("{} ({})", version(&found), found.display()),
        ),
        Err(_) => Check::new(
            area,
            &name,
            Status::Missing,
            format!("not found (Debian package {package})"),
        )
        .fix(fix_for_package(package, config, paths)),
    }
}

/// The tools and packages of one arch, and its kernel build.
fn for_arch(config: &Config, paths: &Paths) -> Result<Vec<Check>> {
    let arch = config.arch;
    let area = arch.to_string();
    let a = area.as_str();
    let default = arch == Arch::X86_64;
    let f = arch.facts();
    let mut v = Vec::new();
    let qemu_package = machine(arch, Emulator::Qemu).package.unwrap_or("qemu");
    let tool = |exe: &Path, package| tool_check(a, exe, package, config, paths);
    v.push(tool(&paths.qemu_executable, qemu_package).needed(default));
    v.push(tool(&paths.qemu_user_executable, "qemu-user-static"));
    v.push(tool(&paths.gcc, f.gcc_package).needed(default));
    if let Some(b) = &f.baremetal
        && paths.baremetal_gcc != paths.gcc
    {
        v.push(tool(&paths.baremetal_gcc, b.packages[0]));
    }
    let source_package = crate::sources::get(&config.root, "linux")?.distro_package;
    for target in ["qemu-linux", "baremetal", "gem5"] {
        let not_for_arch = match target {
            "baremetal" => f.baremetal.is_none(),
            "gem5" => !gem5_arch(config),
            _ => false,
        };
        if not_for_arch {
            continue;
        }
        let wanted = target_packages(target, config, paths)?;
        let missing = missing_packages(&wanted);
        let name = format!("packages for {target}");
        let fix = format!("lkmc build --download-dependencies --arch {arch} {target}");
        let check = if missing.is_empty() {
            Check::new(
                a,
                &name,
                Status::Ok,
                format!("all {} installed", wanted.len()),
            )
        } else {
            Check::new(
                a,
                &name,
                Status::Missing,
                format!(
                    "{} of {}: {}",
                    missing.len(),
                    wanted.len(),
                    missing.join(", ")
                ),
            )
            .fix(fix)
        };
        // What a build and a boot cannot do without.
        let needed = default
            && target == "qemu-linux"
            && missing.iter().any(|m| {
                !NOT_NEEDED_TO_BOOT.contains(&m.as_str()) && Some(m) != source_package.as_ref()
            });
        v.push(check.needed(needed));
    }
    let guest = deps::missing_guest_packages(paths);
    let name = "guest packages";
    let all: Vec<&str> = deps::GUEST_PACKAGES.iter().map(|g| g.package).collect();
    v.push(if guest.is_empty() {
        Check::new(a, name, Status::Ok, format!("{} in out/", all.join(", ")))
    } else {
        let names: Vec<&str> = guest.iter().map(|g| g.package).collect();
        let busybox = names.contains(&deps::BUSYBOX.package);
        Check::new(
            a,
            name,
            Status::Missing,
            format!("not downloaded yet: {}", names.join(", ")),
        )
        .fix(format!(
            "lkmc build --download-dependencies --arch {arch} qemu-linux"
        ))
        .needed(default && busybox)
    });
    v.extend(kernel_build(config, paths)?);
    v.extend(source_builds(config, paths));
    Ok(v)
}

/// lkmc's own QEMU and crosstool-NG toolchain for the arch: optional, so
/// reported but never blocking.
fn source_builds(config: &Config, paths: &Paths) -> Vec<Check> {
    let arch = config.arch;
    let a = arch.to_string();
    let lkmc_qemu = Paths::new(&Config {
        qemu_which: crate::facts::provider::QemuWhich::Lkmc,
        ..config.clone()
    })
    .qemu_executable;
    let built = |name: &str, file: &Path, only: &str, target: &str| {
        match file.is_file() {
            true => Check::new(&a, name, Status::Ok, file.display().to_string()),
            false => Check::new(
                &a,
                name,
                Status::Missing,
                format!("not built: no {} (only {only} needs it)", file.display()),
            )
            .fix(format!("lkmc build --arch {arch} {target}")),
        }
        .needed(false)
    };
    let mut v = vec![built(
        "QEMU from source",
        &lkmc_qemu,
        "--qemu-which lkmc",
        "qemu",
    )];
    if arch.facts().baremetal.is_some() {
        v.push(built(
            "crosstool-NG toolchain",
            &paths.crosstool_ng_gcc,
            "--gcc-which crosstool-ng",
            "crosstool-ng",
        ));
    }
    v
}

/// The packages of `wanted` dpkg does not have installed; all of them off
/// Debian (nothing to ask).
fn missing_packages(wanted: &[(String, String)]) -> Vec<String> {
    let map = wanted.iter().cloned().collect();
    deps::installed_filter(&map).into_keys().collect()
}

/// The arch's kernel build: there or not, and whether its .config has what
/// lkmc's fragments ask for.
fn kernel_build(config: &Config, paths: &Paths) -> Result<Vec<Check>> {
    let arch = config.arch;
    let area = arch.to_string();
    if !paths.linux_image.is_file() {
        return Ok(vec![Check::new(
            &area,
            "kernel build",
            Status::Info,
            format!(
                "not built yet ({}); lkmc build --arch {arch} builds it",
                paths.linux_image.display()
            ),
        )]);
    }
    let mut v = vec![Check::new(
        &area,
        "kernel build",
        Status::Ok,
        paths.linux_image.display().to_string(),
    )];
    let fragments = format!("configs/linux/common.config and {arch}.config");
    let inputs = build::linux::ConfigInputs::new(&BuildOptions::default(), config, paths)?;
    let rebuild = format!("lkmc build --arch {arch} linux");
    let dropped = build::linux::dropped_options(&inputs, paths).unwrap_or_default();
    v.push(if build::linux::config_edited_by_user(paths) {
        Check::new(
            &area,
            "kernel config",
            Status::Warn,
            format!(
                "{} was edited after lkmc wrote it; the next build keeps a copy and regenerates it",
                paths.linux_config.display()
            ),
        )
        .fix(rebuild)
    } else if dropped.is_empty() {
        Check::new(
            &area,
            "kernel config",
            Status::Ok,
            format!(
                "{} has every option of {fragments}",
                paths.linux_config.display()
            ),
        )
    } else {
        Check::new(
            &area,
            "kernel config",
            Status::Warn,
            format!(
                "{} lacks {} option(s) of {fragments} (built with other options, or the \
                 fragments changed since): {}",
                paths.linux_config.display(),
                dropped.len(),
                dropped.join(", ")
            ),
        )
        .fix(rebuild)
    });
    Ok(v)
}

// ---- source trees and builds -----------------------------------------------

/// The kernel tree: there, and at the version configs/sources.toml pins.
fn kernel_tree(config: &Config, paths: &Paths) -> Result<Vec<Check>> {
    let source = crate::sources::get(&config.root, "linux")?;
    let want = source.git_ref.trim_start_matches('v').to_string();
    let dir = &paths.linux_source_dir;
    let k = "kernel";
    let check =
        if !crate::linux_source::is_tree(dir) {
            Check::new(
                k,
                "source tree",
                Status::Missing,
                format!(
                    "{} holds no kernel tree; lkmc build fetches {} (git clone of {}, or the \
                 distro's {} without network)",
                    dir.display(),
                    source.git_ref,
                    source.url,
                    source.distro_package.as_deref().unwrap_or("linux-source")
                ),
            )
            .fix("lkmc build --download-dependencies linux")
        } else {
            match crate::linux_source::version(dir) {
            Some(v) if v == want => Check::new(
                k,
                "source tree",
                Status::Ok,
                format!("Linux {v} in {}, as configs/sources.toml pins", dir.display()),
            ),
            v => Check::new(
                k,
                "source tree",
                Status::Warn,
                format!(
                    "Linux {} in {}; configs/sources.toml pins {want} (lkmc never replaces a tree: \
                     it may hold your edits)",
                    v.as_deref().unwrap_or("of unknown version"),
                    dir.display()
                ),
            )
            .fix(format!(
                "check out {} in that tree, or point --linux-source-dir at one",
                source.git_ref
            )),
        }
        };
    let mut v = vec![check];
    let missing: Vec<String> = ["common".to_string()]
        .into_iter()
        .chain(Arch::ALL.map(|a| a.to_string()))
        .map(|n| paths.linux_config_dir.join(format!("{n}.config")))
        .filter(|f| !f.is_file())
        .map(|f| f.display().to_string())
        .collect();
    v.push(if missing.is_empty() {
        Check::new(
            k,
            "config fragments",
            Status::Ok,
            format!(
                "{}/{{common,x86_64,arm,aarch64}}.config",
                paths.linux_config_dir.display()
            ),
        )
    } else {
        Check::new(
            k,
            "config fragments",
            Status::Missing,
            format!("missing: {}", missing.join(", ")),
        )
        .fix("git checkout -- configs/linux (they are part of the checkout)")
        .needed(true)
    });
    Ok(v)
}

/// A gem5 build for each ISA of the archs lkmc runs on gem5 (where --gem5-build-dir or
/// lkmc's own build puts it), and its source tree.
fn gem5(template: &Config) -> Result<Vec<Check>> {
    let g = "gem5";
    let source = crate::sources::get(&template.root, "gem5")?;
    let dir = &Paths::new(template).gem5_source_dir;
    let mut v = vec![if build::gem5::is_tree(dir) {
        Check::new(g, "source tree", Status::Ok, dir.display().to_string())
    } else {
        Check::new(
            g,
            "source tree",
            Status::Missing,
            format!("no gem5 tree in {}", dir.display()),
        )
        .fix(format!(
            "lkmc build --arch arm gem5 fetches {} ({})",
            source.git_ref, source.url
        ))
    }];
    let mut seen: Vec<PathBuf> = Vec::new();
    for arch in Arch::ALL {
        let config = Config {
            arch,
            ..template.clone()
        };
        if !gem5_arch(&config) {
            continue;
        }
        let paths = Paths::new(&config);
        if seen.contains(&paths.gem5_executable) {
            continue;
        }
        seen.push(paths.gem5_executable.clone());
        let isa = machine(arch, Emulator::Gem5).target;
        let name = format!("{isa} build");
        v.push(if paths.gem5_executable.is_file() {
            Check::new(
                g,
                &name,
                Status::Ok,
                paths.gem5_executable.display().to_string(),
            )
        } else {
            Check::new(
                g,
                &name,
                Status::Missing,
                format!("no {}", paths.gem5_executable.display()),
            )
            .fix(format!(
                "lkmc build --arch {arch} gem5 (see cold build time), or --gem5-build-dir DIR \
                 for a gem5 build of your own"
            ))
        });
    }
    Ok(v)
}

/// Whether lkmc builds and runs gem5 for the arch of `config`.
fn gem5_arch(config: &Config) -> bool {
    build::gem5::check_m5(config).is_ok()
}

/// The Buildroot tree lkmc's Buildroot provider will use.
fn buildroot(config: &Config, paths: &Paths) -> Result<Check> {
    let source = crate::sources::get(&config.root, "buildroot")?;
    let dir = &paths.buildroot_source_dir;
    let version = std::fs::read_to_string(dir.join("Makefile"))
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("export BR2_VERSION := "))
                .map(str::to_string)
        });
    Ok(match version {
        Some(v) if v == source.git_ref => Check::new(
            "buildroot",
            "source tree",
            Status::Ok,
            format!("Buildroot {v} in {}", dir.display()),
        ),
        Some(v) => Check::new(
            "buildroot",
            "source tree",
            Status::Warn,
            format!(
                "Buildroot {v} in {}; configs/sources.toml pins {}",
                dir.display(),
                source.git_ref
            ),
        )
        .fix(format!("check out {} in that tree", source.git_ref)),
        None => Check::new(
            "buildroot",
            "source tree",
            Status::Missing,
            format!(
                "no Buildroot tree in {} (only --rootfs buildroot and --gcc-which buildroot \
                 need it)",
                dir.display()
            ),
        )
        .fix(format!(
            "git clone --depth 1 --branch {} {} {}",
            source.git_ref,
            source.url,
            crate::cmd::p(dir)
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cold_build_estimate_scales_with_cores() {
        let two = estimate(2, 16.0).detail;
        assert!(two.contains("kernel ~8-10 min per arch"), "{two}");
        assert!(two.contains("gem5 ~1.5-2.0 h"), "{two}");
        let four = estimate(4, 16.0).detail;
        assert!(four.contains("kernel ~4-5 min per arch"), "{four}");
        assert!(estimate(2, 2.0).detail.contains("under 4 GiB"));
    }

    /// Only a gap of what the default workflow needs blocks it; an ok check
    /// carries no fix.
    #[test]
    fn only_a_missing_needed_check_blocks() {
        let c = |status, needed| {
            Check::new("x86_64", "t", status, "d")
                .fix("f")
                .needed(needed)
        };
        assert!(c(Status::Missing, true).blocks());
        assert!(!c(Status::Missing, false).blocks());
        assert!(!c(Status::Warn, true).blocks());
        assert!(!c(Status::Ok, true).blocks());
        assert_eq!(c(Status::Ok, true).fix, None);
        assert_eq!(c(Status::Missing, false).fix.as_deref(), Some("f"));
        let text = render(&[c(Status::Missing, true), c(Status::Ok, false)]);
        assert!(
            text.contains("  MISSING  t: d\n           fix: f\n"),
            "{text}"
        );
        assert!(text.contains("cannot run; missing: x86_64 t"), "{text}");
        assert!(render(&[c(Status::Ok, true)]).contains("x86_64): can run"));
    }
}
