//! lkmc.toml under the command line: read the file, check every key and
//! value against the clap definition of the subcommand it belongs to
//! (whichever subcommand runs), and re-parse argv with the file's values
//! inserted as options the user did not type. It must not hold a second
//! list of options: clap's definitions are the schema.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::parser::ValueSource;
use clap::{ArgAction, CommandFactory, FromArgMatches};

use super::{CONFIG_BASENAME, root_dir};
use crate::cli::Cli;
use crate::error::UsageError;

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
    tracing::debug!(config_file = ?path, "config file");
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
        // A subcommand's own required arguments (and its own subcommand:
        // `lkmc snapshot save`) are not the key's fault.
        if let Err(e) = command.clone().try_get_matches_from(probe)
            && !matches!(
                e.kind(),
                clap::error::ErrorKind::MissingRequiredArgument
                    | clap::error::ErrorKind::MissingSubcommand
                    | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            )
        {
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
            "{}: {section}key `config-file` cannot be set inside a config file; \
             use --config-file FILE or LKMC_CONFIG=FILE to pick the file",
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
