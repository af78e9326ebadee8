//! lkmc's own root filesystem provider (`--rootfs lkmc`, the default):
//! the guest's root built in seconds, without root.
//!
//! The tree is the guest-arch static BusyBox, the toolchain sysroot's shared
//! libraries (so dynamically linked programs run), `rootfs_overlay/`, the
//! generated overlay in out/ (modules, userland programs) and the
//! /lib/modules that `make modules_install` staged. It is packed
//! as an ext4 image (`mke2fs -d`, then qcow2, which QEMU boots) and as a cpio
//! initramfs made with the kernel's own `usr/gen_initramfs.sh`.
//!
//! A qcow2 changed by `lkmc run --disk-persist` holds the user's work: it is
//! never replaced unless they ask with --force-rebuild.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Result;

use super::guest_packages;
use crate::build::BuildOptions;
use crate::cmd::{Cmd, p, quote};
use crate::config::Config;
use crate::error::UsageError;
use crate::guest::{nine_p_mount_point, nine_p_shares};
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};
use crate::remove::Removal;

/// Records the qcow2 lkmc last wrote (size and mtime), to notice later writes.
const STAMP: &str = "lkmc_rootfs_stamp";

/// Sysroot libraries copied into the guest's /lib (prefixes of file names).
const GUEST_LIBS: &[&str] = &[
    "ld-linux",
    "libc.so.6",
    "libm.so.6",
    "libpthread.so.0",
    "libdl.so.2",
    "librt.so.1",
    "libresolv.so.2",
    "libutil.so.1",
    "libstdc++.so.6",
    "libgcc_s.so.1",
];

/// The static BusyBox unpacked from the guest-arch Debian package.
pub fn guest_busybox(paths: &Paths) -> PathBuf {
    crate::build::deps::BUSYBOX.unpacked(paths)
}

/// Build the root filesystem for one arch.
fn build(args: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    let arch = config.arch;
    let busybox = guest_busybox(paths);
    let gen_init_cpio = paths.linux_build_dir.join("usr/gen_init_cpio");
    let cpio = makes_cpio(config);
    if !config.dry_run {
        if !busybox.is_file() {
            return Err(UsageError::new(format!(
                "no BusyBox for {arch} at {}.\nFetch it with: lkmc build --download-dependencies --arch {arch} rootfs",
                busybox.display()
            ))
            .into());
        }
        if cpio && !gen_init_cpio.is_file() {
            return Err(UsageError::new(format!(
                "the initramfs needs the kernel's usr/gen_init_cpio ({} is missing).\nBuild the kernel first: lkmc build --arch {arch} linux",
                gen_init_cpio.display()
            ))
            .into());
        }
    }
    let libs = sysroot_libs(config, paths);
    let extras = guest_package_files(paths);
    let packages = guest_packages::prepare(&args.guest_packages, config, paths, exec)?;
    let package_list = guest_packages::list_record(&packages);
    let list_file = paths.rootfs_build_dir.join("guest_packages.list");
    let list_changed = std::fs::read_to_string(&list_file).unwrap_or_default() != package_list;
    let inputs: Vec<PathBuf> = [
        busybox.clone(),
        paths.rootfs_overlay_dir.clone(),
        paths.out_rootfs_overlay_dir.clone(),
    ]
    .into_iter()
    .chain(libs.iter().cloned())
    .chain(extras.iter().cloned())
    .chain(packages.iter().cloned())
    .chain(Some(paths.linux_release_file.clone()).filter(|f| f.is_file()))
    .chain(Some(installed_modules_dir(paths)).filter(|d| d.is_dir()))
    .collect();
    let outputs: Vec<&PathBuf> = [&paths.rootfs_qcow2_file]
        .into_iter()
        .chain(cpio.then_some(&paths.rootfs_cpio))
        .collect();
    let fresh = !list_changed && up_to_date(&inputs, &outputs);
    tracing::debug!(
        fresh,
        inputs = inputs.len(),
        "rootfs images newer than every input?"
    );
    if !args.force_rebuild && fresh {
        if !config.quiet {
            eprintln!(
                "rootfs {arch}: up to date ({})",
                paths.rootfs_qcow2_file.display()
            );
        }
        return Ok(());
    }
    if !args.force_rebuild
        && super::changed_since_written(
            &paths.rootfs_build_dir.join(STAMP),
            &paths.rootfs_qcow2_file,
        )
    {
        return Err(UsageError::new(format!(
            "{} was changed after lkmc built it (by `lkmc run --disk-persist`?); \
             lkmc will not overwrite it.\nCopy it somewhere to keep it, then rebuild with \
             --force-rebuild to replace it.",
            paths.rootfs_qcow2_file.display()
        ))
        .into());
    }
    let size_mib = 64 + inputs.iter().map(|i| dir_size(i)).sum::<u64>() * 3 / 2 / (1 << 20);
    let mut plan = plan(config, paths, &busybox, &libs, &extras, &packages, size_mib);
    if list_changed {
        plan.push(Step::Write {
            path: list_file,
            contents: package_list,
            executable: false,
        });
    }
    exec.execute(&plan)?;
    if !config.dry_run {
        crate::plan::write_file(
            &paths.rootfs_build_dir.join(STAMP),
            &super::stamp_of(&paths.rootfs_qcow2_file),
            false,
        )?;
    }
    Ok(())
}

/// Whether the image is also packed as a cpio. It is made with the kernel
/// build's own `gen_init_cpio`, which the distro kernel's packages lack; that
/// kernel boots the disk only (`lkmc run` refuses --initrd and --initramfs
/// with it), through its own modules initramfs.
fn makes_cpio(config: &Config) -> bool {
    config.linux_which == crate::facts::provider::LinuxWhich::Lkmc
}

/// The steps, given what was found on disk.
pub fn plan(
    config: &Config,
    paths: &Paths,
    busybox: &Path,
    libs: &[PathBuf],
    extras: &[PathBuf],
    packages: &[PathBuf],
    size_mib: u64,
) -> Plan {
    let tree = &paths.rootfs_tree_dir;
    let t = |sub: &str| p(&tree.join(sub));
    let mut plan = Plan::new("build rootfs", paths.log_file("build-rootfs"));
    plan.push(Step::Remove(Removal::under_out(
        tree,
        &paths.out_dir,
        &paths.root_dir,
    )));
    plan.cmd(
        "make tree",
        Cmd::new("mkdir")
            .arg("-p")
            .args(
                [
                    "bin", "sbin", "dev", "proc", "sys", "tmp", "mnt", "lib", "usr/bin",
                    "usr/sbin", "etc", "lkmc",
                ]
                .iter()
                .map(|d| t(d)),
            )
            // Mount points of the 9P shares: fstab's `mount -a` does not create them.
            .args(
                nine_p_shares(paths)
                    .iter()
                    .map(|(_, tag)| t(nine_p_mount_point(tag).trim_start_matches('/'))),
            ),
    );
    busybox_steps(&mut plan, config, paths, busybox);
    for root in packages {
        // --remove-destination: a package's program replaces BusyBox's
        // link of the same name instead of writing through it.
        plan.cmd(
            "guest package",
            Cmd::new("cp")
                .args(["-a", "--remove-destination"])
                .arg(format!("{}/.", p(root)))
                .arg(p(tree)),
        );
    }
    content_steps(&mut plan, config, paths, libs, extras);
    image_steps(&mut plan, paths, size_mib);
    if makes_cpio(config) {
        cpio_steps(&mut plan, paths);
    }
    plan
}

/// BusyBox, the links init needs and a link per applet.
fn busybox_steps(plan: &mut Plan, config: &Config, paths: &Paths, busybox: &Path) {
    let tree = &paths.rootfs_tree_dir;
    let t = |sub: &str| p(&tree.join(sub));
    plan.cmd(
        "busybox",
        Cmd::new("cp").arg(p(busybox)).arg(t("bin/busybox")),
    );
    // The links init needs.
    plan.cmd(
        "link sh",
        Cmd::new("ln")
            .args(["-s", "busybox", &t("bin/sh")])
            .oneline(),
    );
    plan.cmd(
        "link init",
        Cmd::new("ln")
            .args(["-s", "../bin/busybox", &t("sbin/init")])
            .oneline(),
    );
    plan.cmd(
        "link /init",
        Cmd::new("ln")
            .args(["-s", "bin/busybox", &t("init")])
            .oneline(),
    );
    // A link per applet, made here: `busybox --install` in the guest costs
    // over half a second of every TCG boot. The guest's BusyBox lists its
    // applets, run through QEMU user mode when it is foreign.
    let runner = if config.arch.is_host() {
        String::new()
    } else {
        format!("{} ", quote(&p(&paths.qemu_user_executable)))
    };
    plan.cmd(
        "applet links",
        Cmd::new("sh")
            .line([
                "-c",
                &format!(
                    "for a in $({runner}{busybox} --list-full); do \
                     [ -e \"$a\" ] || ln -s /bin/busybox \"$a\" || exit; done",
                    busybox = quote(&t("bin/busybox")),
                ),
            ])
            .cwd(tree),
    );
}

/// The sysroot's libraries, guest package files, the overlays and the
/// module index.
fn content_steps(
    plan: &mut Plan,
    config: &Config,
    paths: &Paths,
    libs: &[PathBuf],
    extras: &[PathBuf],
) {
    let tree = &paths.rootfs_tree_dir;
    let t = |sub: &str| p(&tree.join(sub));
    if !libs.is_empty() {
        plan.cmd(
            "sysroot libraries",
            Cmd::new("cp")
                .arg("-L")
                .args(libs.iter().map(|l| p(l)))
                .arg(t("lib")),
        );
        // x86_64's dynamic loader is looked up in /lib64.
        plan.cmd(
            "link lib64",
            Cmd::new("ln").args(["-s", "lib", &t("lib64")]).oneline(),
        );
    }
    let unpacked = paths.guest_packages_dir.join("root");
    for file in extras {
        let rel = file.strip_prefix(&unpacked).unwrap_or(file);
        plan.cmd(
            "guest package file",
            Cmd::new("cp")
                .args([&p(file), &p(&tree.join(rel))])
                .oneline(),
        );
    }
    plan.cmd(
        "rootfs_overlay",
        Cmd::new("cp")
            .arg("-a")
            .arg(format!("{}/.", p(&paths.rootfs_overlay_dir)))
            .arg(p(tree)),
    );
    if paths.out_rootfs_overlay_dir.is_dir() || config.dry_run {
        plan.cmd(
            "generated overlay",
            Cmd::new("cp")
                .arg("-a")
                .arg(format!("{}/.", p(&paths.out_rootfs_overlay_dir)))
                .arg(p(tree)),
        );
    }
    // What `make modules_install` staged for the kernel of this build id:
    // its =m modules and lkmc's, with depmod's index, so that `modprobe
    // NAME` finds them in the guest.
    let installed = installed_modules_dir(paths);
    if installed.is_dir() || config.dry_run {
        plan.cmd(
            "installed modules",
            Cmd::new("cp")
                .arg("-a")
                .arg(format!("{}/.", p(&installed)))
                .arg(t("lib/modules")),
        );
    }
    // The module index the guest's depmod writes when /lib/modules/RELEASE
    // has no modules: without it rcS runs depmod in every boot (~50 ms under
    // TCG). For the kernel of this build id; rcS makes one for others.
    if let Some(release) = kernel_release(paths) {
        let dir = tree.join("lib/modules").join(release);
        plan.cmd(
            "module index dir",
            Cmd::new("mkdir").args(["-p", &p(&dir)]).oneline(),
        );
        plan.cmd(
            "module index",
            Cmd::new("touch")
                .args(["modules.dep", "modules.alias", "modules.symbols"].map(|f| p(&dir.join(f))))
                .oneline(),
        );
    }
}

/// The tree packed as ext4 and qcow2, renamed into place.
fn image_steps(plan: &mut Plan, paths: &Paths, size_mib: u64) {
    let tree = &paths.rootfs_tree_dir;
    plan.push(Step::Remove(Removal::file_under_out(
        &paths.rootfs_raw_file,
        &paths.out_dir,
        &paths.root_dir,
    )));
    plan.cmd(
        "ext4 image",
        Cmd::new("mke2fs")
            .arg("-q")
            .line(["-t", "ext4"])
            .line(["-L", "lkmc"])
            .line(["-d", &p(tree)])
            .arg(p(&paths.rootfs_raw_file))
            .arg(format!("{size_mib}M")),
    );
    let tmp = paths.rootfs_build_dir.join("rootfs.ext4.qcow2.tmp");
    plan.cmd(
        "qcow2 image",
        Cmd::new(p(&paths.qemu_img_executable))
            .arg("convert")
            .line(["-f", "raw"])
            .line(["-O", "qcow2"])
            .arg(p(&paths.rootfs_raw_file))
            .arg(p(&tmp)),
    );
    plan.cmd(
        "qcow2 in place",
        Cmd::new("mv")
            .args([&p(&tmp), &p(&paths.rootfs_qcow2_file)])
            .oneline(),
    );
}

/// The tree packed as a cpio initramfs by the kernel's gen_initramfs.sh,
/// renamed into place.
fn cpio_steps(plan: &mut Plan, paths: &Paths) {
    let tree = &paths.rootfs_tree_dir;
    let list = paths.rootfs_build_dir.join("initramfs_devices.list");
    plan.push(Step::Write {
        path: list.clone(),
        contents: "# Device nodes a non-root user cannot create in the tree.\n\
                   dir /dev 0755 0 0\nnod /dev/console 0600 0 0 c 5 1\n"
            .into(),
        executable: false,
    });
    let (uid, gid) = ids();
    // Written beside and renamed: an interrupted build leaves no cpio that
    // the next build's up-to-date check would trust.
    let cpio_tmp = paths.rootfs_build_dir.join("rootfs.cpio.tmp");
    plan.cmd(
        "cpio initramfs",
        Cmd::new(p(&paths.linux_source_dir.join("usr/gen_initramfs.sh")))
            .line(["-o", &p(&cpio_tmp)])
            .line(["-u", &uid.to_string()])
            .line(["-g", &gid.to_string()])
            .arg(p(tree))
            .arg(p(&list))
            .cwd(&paths.linux_build_dir),
    );
    plan.cmd(
        "cpio in place",
        Cmd::new("mv")
            .args([&p(&cpio_tmp), &p(&paths.rootfs_cpio)])
            .oneline(),
    );
}

/// Files of the guest packages other than BusyBox that were fetched
/// (gdbserver): optional, the guest works without them.
fn guest_package_files(paths: &Paths) -> Vec<PathBuf> {
    use crate::build::deps::{BUSYBOX, GUEST_PACKAGES};
    GUEST_PACKAGES
        .iter()
        .filter(|g| g.package != BUSYBOX.package)
        .map(|g| g.unpacked(paths))
        .filter(|f| f.is_file())
        .collect()
}

/// The /lib/modules that `make modules_install` staged for the kernel of
/// this build id.
fn installed_modules_dir(paths: &Paths) -> PathBuf {
    paths.linux_modules_install_dir.join("lib/modules")
}

/// The release of the kernel of this build id, once it is configured.
fn kernel_release(paths: &Paths) -> Option<String> {
    let text = std::fs::read_to_string(&paths.linux_release_file).ok()?;
    let release = text.trim();
    (!release.is_empty()).then(|| release.to_string())
}

/// The shared libraries of the toolchain's sysroot that the guest gets.
fn sysroot_libs(config: &Config, paths: &Paths) -> Vec<PathBuf> {
    let triplet = config.arch.facts().host_triplet;
    let base = &paths.userland_library_dir;
    let dirs = [
        base.join("lib"),
        base.join("lib").join(triplet),
        base.join("usr/lib").join(triplet),
    ];
    let mut found: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut here: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|f| {
                let name = f.file_name().unwrap_or_default().to_string_lossy();
                GUEST_LIBS.iter().any(|l| name.starts_with(l)) && !name.ends_with(".py")
            })
            .collect();
        here.sort();
        for f in here {
            if !found.iter().any(|g| g.file_name() == f.file_name()) {
                found.push(f);
            }
        }
    }
    found
}

fn ids() -> (u32, u32) {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| (m.uid(), m.gid()))
        .unwrap_or((0, 0))
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
}

/// Whether every output exists and is newer than every input file.
fn up_to_date(inputs: &[PathBuf], outputs: &[&PathBuf]) -> bool {
    let Some(oldest_out) = outputs.iter().map(|o| mtime(o)).collect::<Option<Vec<_>>>() else {
        return false;
    };
    let oldest_out = oldest_out.into_iter().min().expect("outputs");
    inputs.iter().all(|i| {
        walkdir::WalkDir::new(i)
            .into_iter()
            .flatten()
            .all(|e| mtime(e.path()).is_some_and(|t| t < oldest_out))
    })
}

/// Bytes under `path`.
fn dir_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .follow_links(true)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// lkmc's own image.
pub struct Lkmc;

impl super::Provider for Lkmc {
    fn build(
        &self,
        opts: &BuildOptions,
        config: &Config,
        paths: &Paths,
        exec: &Executor,
    ) -> Result<()> {
        build(opts, config, paths, exec)
    }

    fn packages(
        &self,
        config: &Config,
        paths: &Paths,
        out: &mut crate::build::deps::Packages,
    ) -> Result<()> {
        crate::build::deps::rootfs_packages(config, paths, out)
    }

    fn check(&self, opts: &BuildOptions, config: &Config, paths: &Paths) -> Result<()> {
        guest_packages::resolve(config, paths, &opts.guest_packages).map(|_| ())
    }

    fn persisted_by_user(&self, paths: &Paths) -> bool {
        super::changed_since_written(
            &paths.rootfs_build_dir.join(STAMP),
            &paths.rootfs_qcow2_file,
        )
    }
}
