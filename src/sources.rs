//! `configs/sources.toml`: where each source tree comes from and at which ref.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

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
