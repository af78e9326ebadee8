//! `lkmc getvar`: print derived paths, ports and settings.
//!
//! Prints what `Paths` holds for the current options, plus a few values read
//! from the trees in use (the kernel version, the kernel's entry address).
//! It never creates or changes anything, so `$(lkmc getvar --arch aarch64
//! vmlinux)` is safe anywhere. The names the original lkmc's README uses
//! where lkmc calls a path otherwise are [`ALIASES`]: `getvar NAME` takes
//! them too, and `getvar --list` shows them.

use anyhow::Result;

use crate::cli::GetvarArgs;
use crate::config::Config;
use crate::error::{UsageError, closest};
use crate::linux_source;
use crate::paths::Paths;

/// A name of the original's README that lkmc calls otherwise: the variable
/// it stands for and, where the original's path was below or above ours,
/// what to add to it.
pub struct Alias {
    pub name: &'static str,
    pub to: &'static str,
    /// Joined to the variable's value (a path), if not empty.
    pub join: &'static str,
}

/// The original's getvar names for what lkmc names otherwise. The others
/// its README uses (`run_dir`, `vmlinux`, `linux_image`, `disk_image`,
/// `termout_file`, `userland_build_dir`, `gdb_port`, `p9_dir`,
/// `entry_address`, `trace_txt_file`, `m5out_dir`, ...) are lkmc's names too.
pub const ALIASES: &[Alias] = &[
    Alias {
        name: "qcow2_file",
        to: "rootfs_qcow2_file",
        join: "",
    },
    Alias {
        name: "kernel_modules_build_subdir",
        to: "kernel_modules_build_dir",
        join: "",
    },
    Alias {
        name: "kernel_modules_build_host_subdir",
        to: "kernel_modules_build_host_dir",
        join: "",
    },
    Alias {
        name: "buildroot_build_build_dir",
        to: "buildroot_build_dir",
        join: "build",
    },
    Alias {
        name: "buildroot_host_dir",
        to: "buildroot_build_dir",
        join: "host",
    },
    Alias {
        name: "out_rootfs_overlay_bin_dir",
        to: "out_rootfs_overlay_dir",
        join: "usr/bin",
    },
    Alias {
        name: "gem5_build_build_dir",
        to: "gem5_build_dir",
        join: "",
    },
    Alias {
        name: "qemu_monitor_port",
        to: "monitor_port",
        join: "",
    },
    Alias {
        name: "qemu_hostfwd_generic_port",
        to: "hostfwd_generic_port",
        join: "",
    },
    Alias {
        name: "qemu_hostfwd_ssh_port",
        to: "hostfwd_ssh_port",
        join: "",
    },
    Alias {
        name: "qemu_gdb_port",
        to: "gdb_port",
        join: "",
    },
    Alias {
        name: "gcc_path",
        to: "gcc",
        join: "",
    },
    Alias {
        name: "gxx_path",
        to: "gxx",
        join: "",
    },
    Alias {
        name: "gdb_path",
        to: "gdb",
        join: "",
    },
    Alias {
        name: "toolchain_prefix_dash",
        to: "cross_compile",
        join: "",
    },
];

/// Values getvar reads from the trees rather than derives, with their doc.
const READ: &[(&str, &str)] = &[
    (
        "linux_version",
        "The kernel source's version (its Makefile), or empty.",
    ),
    (
        "entry_address",
        "The entry point of image_elf (the kernel's vmlinux), or empty if not built.",
    ),
];

/// Every variable for `config`: the `Paths` fields and the read-only extras.
pub fn variables(config: &Config) -> Vec<(&'static str, String)> {
    let paths = Paths::new(config);
    let mut vars = paths.vars();
    let version = linux_source::version(&paths.linux_source_dir).unwrap_or_default();
    vars.push(("linux_version", version));
    let entry = crate::elf::read(&paths.image_elf)
        .map(|e| format!("{:#x}", e.entry))
        .unwrap_or_default();
    vars.push(("entry_address", entry));
    vars.sort();
    vars
}

/// The value of `name`, an lkmc name or an alias of [`ALIASES`].
fn lookup(vars: &[(&'static str, String)], name: &str) -> Option<String> {
    let find = |n: &str| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| v.clone());
    if let Some(v) = find(name) {
        return Some(v);
    }
    let alias = ALIASES.iter().find(|a| a.name == name)?;
    let value = find(alias.to)?;
    Some(if alias.join.is_empty() {
        value
    } else {
        format!("{value}/{}", alias.join)
    })
}

/// `getvar --list`: each name and what it is, then the original's names.
fn list() -> String {
    let mut docs = Paths::docs();
    docs.extend_from_slice(READ);
    docs.sort();
    let mut text = String::new();
    for (name, doc) in docs {
        text.push_str(&format!("{name}\t{doc}\n"));
    }
    for a in ALIASES {
        let to = match a.join {
            "" => a.to.to_string(),
            join => format!("{}/{join}", a.to),
        };
        text.push_str(&format!("{}\tthe original's name for {to}\n", a.name));
    }
    text
}

/// Print one variable, all of them, or all as JSON.
pub fn main(args: &GetvarArgs, configs: &[Config]) -> Result<()> {
    if args.list {
        return crate::plan::print_out(&list());
    }
    let mut text = String::new();
    for config in configs {
        let vars = variables(config);
        if let Some(name) = &args.name {
            match lookup(&vars, name) {
                Some(v) => text.push_str(&format!("{v}\n")),
                None => {
                    let names = vars
                        .iter()
                        .map(|(k, _)| *k)
                        .chain(ALIASES.iter().map(|a| a.name));
                    let close = closest(name, names);
                    let hint = if close.is_empty() {
                        "run `lkmc getvar --list` to list them all".to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vec<(&'static str, String)> {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from(["lkmc", "getvar", "--arch", "arm"]).unwrap();
        variables(&Config::resolve(&cli.common, None).remove(0))
    }

    /// Every alias stands for a variable that exists, under a name that is
    /// not lkmc's own.
    #[test]
    fn aliases_point_at_variables() {
        let vars = vars();
        for a in ALIASES {
            assert!(
                vars.iter().any(|(k, _)| *k == a.to),
                "{} -> {}",
                a.name,
                a.to
            );
            assert!(
                !vars.iter().any(|(k, _)| *k == a.name),
                "{} is lkmc's",
                a.name
            );
            assert!(lookup(&vars, a.name).is_some());
        }
        let modules = lookup(&vars, "kernel_modules_build_dir").unwrap();
        assert_eq!(lookup(&vars, "kernel_modules_build_subdir"), Some(modules));
        let br = lookup(&vars, "buildroot_build_dir").unwrap();
        assert_eq!(
            lookup(&vars, "buildroot_build_build_dir"),
            Some(format!("{br}/build"))
        );
    }

    /// `--list` names every variable, with a description, and every alias.
    #[test]
    fn list_documents_every_name() {
        let text = list();
        for (name, _) in vars() {
            let line = text
                .lines()
                .find(|l| l.split('\t').next() == Some(name))
                .unwrap_or_else(|| panic!("{name} not listed"));
            assert!(
                line.split('\t').nth(1).is_some_and(|d| !d.is_empty()),
                "{line}"
            );
        }
        assert!(text.contains("qcow2_file\tthe original's name for rootfs_qcow2_file\n"));
    }
}
