//! Turn argv and `lkmc.toml` into one typed `Config`.
//!
//! Precedence: command line, then the config file's `[subcommand]` table,
//! then its top level, then the built-in default. The file's keys are the
//! long option names (`linux-build-id = "debug"`), so there is no second list
//! of options to keep in sync: a file value is checked by the same clap
//! parser as the command line, by re-parsing argv with the file's values
//! inserted as options the user did not type.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::parser::ValueSource;
use clap::{ArgAction, CommandFactory, FromArgMatches};

use crate::arch::{Arch, Emulator, GccWhich, QemuWhich};
use crate::cli::{Cli, Common};
use crate::error::UsageError;

/// Name of the config file looked for in the lkmc checkout.
pub const CONFIG_BASENAME: &str = "lkmc.toml";

/// Where the lkmc checkout is: `LKMC_ROOT`; else the checkout the current
/// directory is in; else the tree this binary was built from. The middle rule
/// lets one installed binary serve several clones (and a moved clone) without
/// reinstalling.
pub fn root_dir() -> PathBuf {
    if let Some(root) = std::env::var_os("LKMC_ROOT") {
        return PathBuf::from(root);
    }
    let enclosing = std::env::current_dir().ok().and_then(|cwd| {
        cwd.ancestors()
            .find(|d| is_checkout(d))
            .map(Path::to_path_buf)
    });
    enclosing.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// Fails with a usage error when `root_dir()` is not an lkmc checkout, which
/// happens when the clone a binary was installed from has been moved away.
pub fn check_root() -> Result<()> {
    let root = root_dir();
    if is_checkout(&root) {
        return Ok(());
    }
    Err(UsageError(format!(
        "{} is not an lkmc checkout (no configs/sources.toml there); \
         run lkmc from inside your clone, or set LKMC_ROOT=/path/to/clone",
        root.display()
    ))
    .into())
}

/// A directory is an lkmc checkout when it has our pins file and a cargo
/// manifest naming this package.
fn is_checkout(dir: &Path) -> bool {
    dir.join("configs/sources.toml").is_file()
        && std::fs::read_to_string(dir.join("Cargo.toml"))
            .is_ok_and(|m| m.lines().any(|l| l.trim() == "name = \"lkmc\""))
}

/// Build ids: several builds of one component side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildIds {
    pub linux: String,
    pub buildroot: String,
    pub userland: String,
    pub qemu: String,
    pub gem5: String,
    pub crosstool_ng: String,
}

/// The resolved settings for one arch: everything `Paths` and the planners read.
#[derive(Clone, Debug)]
pub struct Config {
    /// The lkmc checkout.
    pub root: PathBuf,
    /// Where generated files go.
    pub out_dir: PathBuf,
    /// The arch being acted on now.
    pub arch: Arch,
    pub emulator: Emulator,
    pub dry_run: bool,
    pub print_cmd_oneline: bool,
    pub verbose: bool,
    pub quiet: bool,
    pub build_ids: BuildIds,
    pub linux_source_dir: PathBuf,
    pub run_id: u16,
    pub gcc_which: GccWhich,
    pub qemu_which: QemuWhich,
    pub nproc: u32,
    /// Link userland programs statically.
    pub static_userland: bool,
    /// Build userland programs next to their sources.
    pub in_tree: bool,
    /// The config file that was read, if any.
    pub config_file: Option<PathBuf>,
}

impl Config {
    /// One `Config` per arch the user asked for, in order.
    pub fn resolve(common: &Common, config_file: Option<PathBuf>) -> Vec<Config> {
        let root = root_dir();
        let archs: Vec<Arch> = if common.all_archs {
            Arch::ALL.to_vec()
        } else if common.arch.is_empty() {
            vec![Arch::X86_64]
        } else {
            let mut v = common.arch.clone();
            v.dedup();
            v
        };
        let id = |v: &Option<String>| v.clone().unwrap_or_else(|| "default".to_string());
        let abs = |p: &Path| {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            }
        };
        let out_dir = common
            .out_dir
            .as_deref()
            .map(abs)
            .unwrap_or_else(|| root.join("out"));
        let linux_source_dir = common
            .linux_source_dir
            .as_deref()
            .map(abs)
            .unwrap_or_else(|| root.join("submodules").join("linux"));
        let nproc = common.nproc.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get() as u32)
                .unwrap_or(1)
        });
        archs
            .into_iter()
            .map(|arch| Config {
                root: root.clone(),
                out_dir: out_dir.clone(),
                arch,
                emulator: common.emulator.unwrap_or(Emulator::Qemu),
                dry_run: common.dry_run,
                print_cmd_oneline: common.print_cmd_oneline,
                verbose: common.verbose,
                quiet: common.quiet,
                build_ids: BuildIds {
                    linux: id(&common.linux_build_id),
                    buildroot: id(&common.buildroot_build_id),
                    userland: common.userland_build_id.clone().unwrap_or_else(|| {
                        if common.static_userland {
                            "static"
                        } else {
                            "default"
                        }
                        .to_string()
                    }),
                    qemu: id(&common.qemu_build_id),
                    gem5: id(&common.gem5_build_id),
                    crosstool_ng: id(&common.crosstool_ng_build_id),
                },
                linux_source_dir: linux_source_dir.clone(),
                run_id: common.run_id.unwrap_or(0),
                gcc_which: common.gcc_which.unwrap_or(GccWhich::Host),
                qemu_which: common.qemu_which.unwrap_or(QemuWhich::Host),
                nproc,
                static_userland: common.static_userland,
                in_tree: common.in_tree,
                config_file: config_file.clone(),
            })
            .collect()
    }
}

/// Parse argv with the config file layered under it. Returns the parsed
/// command line and the config file that was read.
pub fn parse_args(argv: Vec<OsString>) -> Result<(Cli, Option<PathBuf>)> {
    let mut command = Cli::command();
    command.build();
    let matches = match command.clone().try_get_matches_from(&argv) {
        Ok(m) => m,
        Err(e) => e.exit(),
    };
    let (sub_name, sub_matches) = matches.subcommand().expect("clap requires a subcommand");

    let explicit = matches.get_one::<PathBuf>("config_file").cloned();
    let from_env = matches.value_source("config_file") == Some(ValueSource::EnvVariable);
    let path = match explicit {
        Some(p) => {
            if !p.is_file() {
                let how = if from_env {
                    "LKMC_CONFIG"
                } else {
                    "--config-file"
                };
                return Err(UsageError::new(format!(
                    "config file {} (from {how}) does not exist",
                    p.display()
                ))
                .into());
            }
            Some(p)
        }
        None => Some(root_dir().join(CONFIG_BASENAME)).filter(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Ok((Cli::from_arg_matches(&matches)?, None));
    };

    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        UsageError::new(format!(
            "{}: not valid TOML: {}",
            path.display(),
            e.message()
        ))
    })?;
    let sub = command
        .find_subcommand(sub_name)
        .expect("parsed subcommand exists");
    let injected = file_options(&command, sub, sub_matches, &table, &path)?;
    if injected.is_empty() {
        return Ok((Cli::from_arg_matches(&matches)?, Some(path)));
    }
    // Check each key alone first, so that an error names the key at fault.
    for (key, words) in &injected {
        let mut probe: Vec<OsString> = vec!["lkmc".into(), sub_name.into()];
        probe.extend(words.iter().map(OsString::from));
        if let Err(e) = command.clone().try_get_matches_from(probe) {
            return Err(UsageError::new(format!(
                "{}: key `{key}`: {}",
                path.display(),
                first_line(&e.render().to_string())
            ))
            .into());
        }
    }
    let at = subcommand_index(&command, &argv);
    let mut full: Vec<OsString> = argv[..=at].to_vec();
    full.extend(
        injected
            .into_iter()
            .flat_map(|(_, w)| w)
            .map(OsString::from),
    );
    full.extend(argv[at + 1..].iter().cloned());
    let matches = command.try_get_matches_from(full).map_err(|e| {
        UsageError::new(format!(
            "{} combined with the command line: {}",
            path.display(),
            first_line(&e.render().to_string())
        ))
    })?;
    Ok((Cli::from_arg_matches(&matches)?, Some(path)))
}

fn first_line(s: &str) -> String {
    s.lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ")
        .to_string()
}

/// The options a config file adds for subcommand `sub`, as `(key, argv words)`,
/// leaving out those the user typed.
fn file_options(
    top: &clap::Command,
    sub: &clap::Command,
    sub_matches: &clap::ArgMatches,
    table: &toml::Table,
    path: &Path,
) -> Result<Vec<(String, Vec<String>)>> {
    let longs = |c: &clap::Command| -> Vec<String> {
        c.get_arguments()
            .filter_map(|a| a.get_long().map(str::to_string))
            .collect()
    };
    let all_longs: Vec<String> = top.get_subcommands().flat_map(longs).collect();
    let sub_names: Vec<&str> = top.get_subcommands().map(|c| c.get_name()).collect();

    // Validate the whole file, whatever the subcommand, so a typo is caught early.
    let mut chosen: Vec<(String, toml::Value)> = Vec::new();
    for (key, value) in table {
        if let toml::Value::Table(section) = value {
            let Some(section_cmd) = top.find_subcommand(key) else {
                return Err(unknown(path, "section", key, &sub_names));
            };
            let section_longs = longs(section_cmd);
            for (k, v) in section {
                check_key(path, &format!("[{key}] "), k, &section_longs)?;
                check_value(top, section_cmd, k, v, path)?;
                if section_cmd.get_name() == sub.get_name() {
                    chosen.retain(|(ck, _)| ck != k);
                    chosen.push((k.clone(), v.clone()));
                }
            }
        } else {
            check_key(path, "", key, &all_longs)?;
            for cmd in top.get_subcommands().filter(|c| longs(c).contains(key)) {
                check_value(top, cmd, key, value, path)?;
            }
            let in_section = table
                .get(sub.get_name())
                .and_then(|s| s.as_table())
                .is_some_and(|s| s.contains_key(key));
            if longs(sub).contains(key) && !in_section {
                chosen.push((key.clone(), value.clone()));
            }
        }
    }

    let mut out = Vec::new();
    for (key, value) in chosen {
        let arg = sub
            .get_arguments()
            .find(|a| a.get_long() == Some(key.as_str()))
            .expect("checked above");
        if sub_matches.value_source(arg.get_id().as_str()) == Some(ValueSource::CommandLine) {
            continue;
        }
        let words = value_words(arg, &key, &value, path)?;
        if !words.is_empty() {
            out.push((key, words));
        }
    }
    Ok(out)
}

/// The argv words a config file's `key = value` stands for, or an error
/// naming the key when the value has the wrong TOML type.
fn value_words(
    arg: &clap::Arg,
    key: &str,
    value: &toml::Value,
    path: &Path,
) -> Result<Vec<String>> {
    let flag = format!("--{key}");
    let wrong = |expected: &str| -> anyhow::Error {
        UsageError::new(format!(
            "{}: key `{key}` expects {expected}, found {}",
            path.display(),
            value.type_str()
        ))
        .into()
    };
    let scalar = |v: &toml::Value| -> Option<String> {
        match v {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Integer(i) => Some(i.to_string()),
            toml::Value::Float(f) => Some(f.to_string()),
            _ => None,
        }
    };
    let words: Vec<String> = match arg.get_action() {
        ArgAction::SetTrue | ArgAction::Count => match value {
            toml::Value::Boolean(true) => vec![flag],
            toml::Value::Boolean(false) => vec![],
            _ => return Err(wrong("true or false")),
        },
        ArgAction::Append => match value {
            toml::Value::Array(items) => {
                let mut w = Vec::new();
                for item in items {
                    let s = scalar(item).ok_or_else(|| wrong("an array of strings"))?;
                    w.push(format!("{flag}={s}"));
                }
                w
            }
            v => vec![format!(
                "{flag}={}",
                scalar(v).ok_or_else(|| wrong("a string or an array of strings"))?
            )],
        },
        _ => vec![format!(
            "{flag}={}",
            scalar(value).ok_or_else(|| wrong("a string or a number"))?
        )],
    };
    Ok(words)
}

/// Check one key's value the way the command line would, for the
/// subcommand it belongs to, whichever subcommand runs now: a wrong value is
/// reported the first time the file is read, not when it is first used.
fn check_value(
    top: &clap::Command,
    cmd: &clap::Command,
    key: &str,
    value: &toml::Value,
    path: &Path,
) -> Result<()> {
    let Some(arg) = cmd.get_arguments().find(|a| a.get_long() == Some(key)) else {
        return Ok(());
    };
    let words = value_words(arg, key, value, path)?;
    let mut probe: Vec<OsString> = vec!["lkmc".into(), cmd.get_name().into()];
    probe.extend(words.iter().map(OsString::from));
    match top.clone().try_get_matches_from(probe) {
        Ok(_) => Ok(()),
        // Options that need or exclude others are checked with the whole
        // command line, when that subcommand runs.
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::MissingRequiredArgument
                    | clap::error::ErrorKind::ArgumentConflict
                    | clap::error::ErrorKind::MissingSubcommand
                    | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            Ok(())
        }
        Err(e) => Err(UsageError::new(format!(
            "{}: key `{key}`: {}",
            path.display(),
            first_line(&e.render().to_string())
        ))
        .into()),
    }
}

fn check_key(path: &Path, section: &str, key: &str, accepted: &[String]) -> Result<()> {
    if key == "config-file" {
        return Err(UsageError::new(format!(
            "{}: {section}key `config-file` cannot be set inside a config file",
            path.display()
        ))
        .into());
    }
    if accepted.iter().any(|a| a == key) {
        return Ok(());
    }
    let names: Vec<&str> = accepted.iter().map(String::as_str).collect();
    Err(unknown(path, &format!("{section}key"), key, &names))
}

fn unknown(path: &Path, what: &str, key: &str, accepted: &[&str]) -> anyhow::Error {
    let hint = crate::error::did_you_mean(key, accepted.iter().copied());
    let mut sorted: Vec<&str> = accepted.to_vec();
    sorted.sort();
    sorted.dedup();
    UsageError::new(format!(
        "{}: unknown {what} `{key}`{hint}\naccepted: {}",
        path.display(),
        sorted.join(", ")
    ))
    .into()
}

/// Index in argv of the subcommand name: the first word that is neither a
/// global option nor the value of one.
fn subcommand_index(command: &clap::Command, argv: &[OsString]) -> usize {
    let takes_value = |a: &clap::Arg| a.get_action().takes_values();
    let mut i = 1;
    while i < argv.len() {
        let word = argv[i].to_string_lossy();
        if let Some(long) = word.strip_prefix("--") {
            if !long.contains('=')
                && command
                    .get_arguments()
                    .any(|a| a.get_long() == Some(long) && takes_value(a))
            {
                i += 1;
            }
        } else if let Some(shorts) = word.strip_prefix('-') {
            let last = shorts.chars().last();
            if shorts.len() == 1
                && command
                    .get_arguments()
                    .any(|a| a.get_short() == last && takes_value(a))
            {
                i += 1;
            }
        } else {
            return i;
        }
        i += 1;
    }
    argv.len() - 1
}

impl Config {
    /// This config written back as lkmc's common options, for a child lkmc
    /// (a test's `lkmc run`, a reproducer) to act on the same trees with the
    /// same settings: parsing and resolving them gives this config again.
    ///
    /// Every value is written, defaults too: a config file layered under the
    /// child's command line would otherwise fill an omitted option with its
    /// own value, not the default this config holds. The checkout (`root`) is
    /// no option: the child finds it as this process did (LKMC_ROOT, or the
    /// checkout around the current directory). Values go after `=`, so a
    /// build id starting with `-` cannot read as an option.
    pub fn to_args(&self) -> Vec<String> {
        fn name(v: impl clap::ValueEnum) -> String {
            v.to_possible_value()
                .expect("lkmc's value enums skip no variant")
                .get_name()
                .to_string()
        }
        let path = |p: &Path| p.to_string_lossy().into_owned();
        let ids = &self.build_ids;
        let mut args: Vec<String> = [
            ("arch", name(self.arch)),
            ("emulator", name(self.emulator)),
            ("out-dir", path(&self.out_dir)),
            ("linux-source-dir", path(&self.linux_source_dir)),
            ("linux-build-id", ids.linux.clone()),
            ("buildroot-build-id", ids.buildroot.clone()),
            ("userland-build-id", ids.userland.clone()),
            ("qemu-build-id", ids.qemu.clone()),
            ("gem5-build-id", ids.gem5.clone()),
            ("crosstool-ng-build-id", ids.crosstool_ng.clone()),
            ("run-id", self.run_id.to_string()),
            ("gcc-which", name(self.gcc_which)),
            ("qemu-which", name(self.qemu_which)),
            ("nproc", self.nproc.to_string()),
        ]
        .into_iter()
        .chain(
            self.config_file
                .as_deref()
                .map(|f| ("config-file", path(f))),
        )
        .map(|(option, value)| format!("--{option}={value}"))
        .collect();
        let flags = [
            (self.static_userland, "--static"),
            (self.in_tree, "--in-tree"),
            (self.verbose, "--verbose"),
            (self.quiet, "--quiet"),
            (self.dry_run, "--dry-run"),
            (self.print_cmd_oneline, "--print-cmd-oneline"),
        ];
        args.extend(
            flags
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, f)| f.to_string()),
        );
        args
    }
}

#[cfg(test)]
mod to_args_tests {
    use super::*;

    /// What `lkmc ARGV...` resolves to, config file and all.
    fn resolve(argv: &[String]) -> Vec<Config> {
        let argv: Vec<OsString> = argv.iter().map(OsString::from).collect();
        let (cli, file) = parse_args(argv).expect("the test's argv parses");
        Config::resolve(&cli.common, file)
    }

    fn words(argv: &[&str]) -> Vec<String> {
        argv.iter().map(|w| w.to_string()).collect()
    }

    /// parse -> resolve -> to_args -> parse -> resolve gives the same config,
    /// for each arch `argv` resolves to.
    fn assert_round_trips(argv: &[String]) {
        let configs = resolve(argv);
        assert!(!configs.is_empty());
        for config in configs {
            let mut again = words(&["lkmc", "run"]);
            again.extend(config.to_args());
            let back = resolve(&again);
            assert_eq!(back.len(), 1, "{again:?}");
            // Config has no PartialEq; its Debug form shows every field.
            assert_eq!(format!("{:?}", back[0]), format!("{config:?}"), "{again:?}");
        }
    }

    #[test]
    fn defaults_round_trip() {
        assert_round_trips(&words(&["lkmc", "test"]));
    }

    #[test]
    fn emulator_archs_and_flags_round_trip() {
        assert_round_trips(&words(&["lkmc", "test", "-e", "gem5", "--all-archs"]));
        assert_round_trips(&words(&[
            "lkmc",
            "build",
            "--arch",
            "arm",
            "--static",
            "--in-tree",
            "--quiet",
            "--print-cmd-oneline",
        ]));
        assert_round_trips(&words(&[
            "lkmc",
            "run",
            "-e",
            "native",
            "-a",
            "A",
            "--verbose",
            "--dry-run",
        ]));
    }

    #[test]
    fn build_ids_run_id_and_tools_round_trip() {
        assert_round_trips(&words(&[
            "lkmc",
            "test",
            "--emulator",
            "gem5",
            "--linux-build-id=-dash-first",
            "--buildroot-build-id",
            "br2",
            "--userland-build-id",
            "u.3",
            "--qemu-build-id",
            "q+4",
            "--gem5-build-id",
            "g_5",
            "--crosstool-ng-build-id",
            "ct6",
            "--run-id",
            "7",
            "--gcc-which",
            "crosstool-ng",
            "--qemu-which",
            "lkmc",
            "--nproc",
            "3",
            "--out-dir",
            "/tmp/lkmc-to-args/out",
            "--linux-source-dir",
            "/tmp/lkmc-to-args/linux",
        ]));
    }

    /// An option typed with its default value must reach the child as such,
    /// though the config file says otherwise; the file itself is passed on.
    #[test]
    fn config_file_values_round_trip() {
        let file = std::env::temp_dir().join(format!("lkmc-to-args-{}.toml", std::process::id()));
        std::fs::write(&file, "linux-build-id = \"from-file\"\nrun-id = 5\n").unwrap();
        let f = file.to_string_lossy().into_owned();
        let from_file = resolve(&words(&["lkmc", "test", "--config-file", &f]));
        assert_eq!(from_file[0].build_ids.linux, "from-file");
        assert_round_trips(&words(&["lkmc", "test", "--config-file", &f]));
        let typed = words(&["lkmc", "test", "--config-file", &f, "-L", "default"]);
        assert_eq!(resolve(&typed)[0].build_ids.linux, "default");
        assert_round_trips(&typed);
        std::fs::remove_file(&file).unwrap();
    }
}
