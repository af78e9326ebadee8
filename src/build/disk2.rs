//! `lkmc build disk2`: the second disk, a squashfs image of
//! out/rootfs_overlay/ARCH (the modules and programs built for the guest,
//! `lkmc getvar out_rootfs_overlay_dir`), at `lkmc getvar disk_image_2`.
//!
//! `lkmc run` gives it to QEMU as a second, read-only virtio disk whenever
//! it exists (emulator/qemu.rs); the guest mounts it with `mount -t
//! squashfs -o ro /dev/vdb /mnt/vdb`. It is a way to get files into the guest without 9P and
//! without rebuilding the root filesystem, as the original's build-disk2
//! was. mksquashfs packs the whole dir each time (seconds), over the old
//! image (`-noappend`).

use anyhow::Result;

use crate::build::BuildOptions;
use crate::build::deps::Packages;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};

/// Refuse to pack a dir that is not there yet, before anything runs. A
/// dry run shows the plan (the components before it in the same command
/// may fill the dir), and with --download-dependencies the packages go in
/// first: the build refuses it then.
pub fn check(opts: &BuildOptions, config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    if exec.dry_run || opts.installs_dependencies {
        return Ok(());
    }
    refuse_empty(config, paths)
}

fn refuse_empty(config: &Config, paths: &Paths) -> Result<()> {
    let dir = &paths.out_rootfs_overlay_dir;
    if dir.is_dir() {
        return Ok(());
    }
    Err(UsageError::new(format!(
        "nothing to put on the second disk yet: {} does not exist.\n\
         Build what goes there first, then the disk: lkmc build --arch {a} modules userland && \
         lkmc build --arch {a} disk2",
        dir.display(),
        a = config.arch
    ))
    .into())
}

/// mksquashfs of the dir, as root-owned files (the guest's user is root).
pub fn build(config: &Config, paths: &Paths, exec: &Executor) -> Result<()> {
    if !exec.dry_run {
        refuse_empty(config, paths)?;
    }
    let mut plan = Plan::new(
        format!("build disk2 {}", paths.arch),
        paths.log_file("build-disk2"),
    );
    let image = &paths.disk_image_2;
    if let Some(dir) = image.parent() {
        plan.push(Step::Mkdir(dir.to_path_buf()));
    }
    plan.cmd(
        "mksquashfs",
        Cmd::new("mksquashfs")
            .arg(p(&paths.out_rootfs_overlay_dir))
            .arg(p(image))
            .line(["-noappend", "-all-root", "-no-progress"]),
    );
    exec.execute(&plan)
}

pub fn packages(_: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    out.add("squashfs-tools", "mksquashfs, for lkmc build disk2");
    Ok(())
}
