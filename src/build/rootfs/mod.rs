//! Root filesystem providers: who makes the guest's root filesystem
//! (`--rootfs`), one file each. Where a provider's images are is a row of
//! `facts/rootfs.rs`, which `Paths` reads; how they are built is the
//! provider's file. `lkmc build rootfs`, the dependency list and `--clean`
//! reach a provider through [`get`] only, so a new provider is a row and a
//! file.

pub mod buildroot;
pub mod guest_packages;
pub mod lkmc;

use anyhow::Result;

use crate::build::BuildOptions;
use crate::build::deps::Packages;
use crate::config::Config;
use crate::facts::rootfs::Rootfs;
use crate::paths::Paths;
use crate::plan::Executor;

/// One provider's behaviour.
pub trait Provider: Sync {
    /// Build the images for one arch (the paths come from its facts row).
    fn build(
        &self,
        opts: &BuildOptions,
        config: &Config,
        paths: &Paths,
        exec: &Executor,
    ) -> Result<()>;
    /// What it refuses before anything of any target runs.
    fn check(&self, _opts: &BuildOptions, _config: &Config, _paths: &Paths) -> Result<()> {
        Ok(())
    }
    /// Host packages its build needs.
    fn packages(&self, config: &Config, paths: &Paths, out: &mut Packages) -> Result<()>;
    /// Whether the qcow2 holds the user's work (written by a
    /// `--disk-persist` run since it was built): never rebuilt nor cleaned.
    fn persisted_by_user(&self, paths: &Paths) -> bool;
}

/// The provider `--rootfs` names.
pub fn get(which: Rootfs) -> Result<&'static dyn Provider> {
    match which {
        Rootfs::Lkmc => Ok(&lkmc::Lkmc),
        Rootfs::Buildroot => Ok(&buildroot::Buildroot),
    }
}

/// What lkmc records of an image it wrote (size and mtime), to notice later
/// writes (`--disk-persist`): empty when there is no image.
pub(super) fn stamp_of(file: &std::path::Path) -> String {
    match std::fs::metadata(file) {
        Ok(m) => format!(
            "{} {:?}\n",
            m.len(),
            m.modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::SystemTime::UNIX_EPOCH).ok())
        ),
        Err(_) => String::new(),
    }
}

/// Whether `image` changed since lkmc wrote it and recorded it in `stamp`.
pub(super) fn changed_since_written(stamp: &std::path::Path, image: &std::path::Path) -> bool {
    let Ok(stamp) = std::fs::read_to_string(stamp) else {
        return false;
    };
    image.is_file() && stamp != stamp_of(image)
}
