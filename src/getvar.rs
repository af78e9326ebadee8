//! `lkmc getvar`: print derived paths, ports and settings.
//!
//! Prints what `Paths` holds for the current options, plus a few values read
//! from the trees in use (the kernel version). It never creates or changes
//! anything, so `$(lkmc getvar --arch aarch64 vmlinux)` is safe anywhere.

use anyhow::Result;

use crate::cli::GetvarArgs;
use crate::config::Config;
use crate::error::{UsageError, closest};
use crate::linux_source;
use crate::paths::Paths;

/// Every variable for `config`: the `Paths` fields and the read-only extras.
pub fn variables(config: &Config) -> Vec<(&'static str, String)> {
    let paths = Paths::new(config);
    let mut vars = paths.vars();
    let version = linux_source::version(&paths.linux_source_dir).unwrap_or_default();
    vars.push(("linux_version", version));
    vars.sort();
    vars
}

/// Print one variable, all of them, or all as JSON.
pub fn main(args: &GetvarArgs, configs: &[Config]) -> Result<()> {
    let mut text = String::new();
    for config in configs {
        let vars = variables(config);
        if let Some(name) = &args.name {
            match vars.iter().find(|(k, _)| k == name) {
                Some((_, v)) => text.push_str(&format!("{v}\n")),
                None => {
                    let close = closest(name, vars.iter().map(|(k, _)| *k));
                    let hint = if close.is_empty() {
                        "run `lkmc getvar` to list them all".to_string()
                    } else {
                        format!("did you mean: {}?", close.join(", "))
                    };
                    return Err(
                        UsageError::new(format!("unknown variable `{name}`; {hint}")).into(),
                    );
                }
            }
        } else if args.json {
            let map: serde_json::Map<String, serde_json::Value> = vars
                .into_iter()
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
                .collect();
            text.push_str(&format!("{}\n", serde_json::to_string_pretty(&map)?));
        } else {
            for (k, v) in vars {
                text.push_str(&format!("{k}={v}\n"));
            }
        }
    }
    crate::plan::print_out(&text)
}
