//! gem5's helper commands, named after the original's: `lkmc gem5-shell`
//! attaches to the console of a gem5 guest that is running (one started
//! with `--background`), and `lkmc gem5-stat` prints statistics of a run's
//! `stats.txt`, one line per dump.
//!
//! Owns reading gem5's stats format; the console relay itself is
//! `console.rs`, the paths are `Paths`'.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

use crate::cli::Gem5StatArgs;
use crate::config::Config;
use crate::error::{UsageError, closest};
use crate::paths::Paths;

/// The statistic `gem5-stat` prints when given none.
pub const DEFAULT_STAT: &str = "system.cpu.numCycles";

/// How gem5 opens each dump in stats.txt.
const DUMP_BEGIN: &str = "---------- Begin Simulation Statistics ----------";

/// The one arch's config, for gem5 whatever `--emulator` said.
fn one_config(configs: &[Config], what: &str) -> Result<Config> {
    match configs {
        [c] => Ok(Config {
            emulator: crate::facts::Emulator::Gem5,
            ..c.clone()
        }),
        _ => Err(UsageError::new(format!(
            "{what} works on one arch at a time; give one --arch"
        ))
        .into()),
    }
}

/// `lkmc gem5-shell`: the console of the gem5 guest of this arch and run
/// id, on this terminal, until gem5 exits (Ctrl-A X stops gem5).
pub fn shell(configs: &[Config]) -> Result<ExitCode> {
    let config = one_config(configs, "lkmc gem5-shell")?;
    let paths = Paths::new(&config);
    let emulator = crate::emulator::get(crate::facts::Emulator::Gem5);
    // gem5 says where its terminal listens: the run's port, or the next
    // free one when that was taken.
    let port = || {
        let output = std::fs::read_to_string(&paths.termout_file).unwrap_or_default();
        output
            .lines()
            .find_map(|l| emulator.console_port(l))
            .unwrap_or(paths.gem5_telnet_port)
    };
    // A run of this id that is still starting (`lkmc run --tmux` opens this
    // beside it at once; gem5 takes seconds to listen) gets time to listen.
    if !crate::gdb::listening(port()) && crate::process::run_in_progress(&paths) {
        crate::process::poll(Duration::from_secs(60), || crate::gdb::listening(port()));
    }
    let port = port();
    let start = format!(
        "lkmc run --arch {} --emulator gem5 --run-id {} --background",
        config.arch, config.run_id
    );
    let out = Box::new(AttachedCheck::default());
    let relay = crate::console::attach(port, Duration::ZERO, Some(out), true).map_err(|_| {
        UsageError::new(format!(
            "no gem5 guest is listening on localhost:{port} (run id {}).\nStart one in the \
             background, then attach: {start}",
            config.run_id
        ))
    })?;
    relay.finish();
    Ok(ExitCode::SUCCESS)
}

/// stdout, except that gem5's refusal of a second connection becomes an
/// explanation.
#[derive(Default)]
struct AttachedCheck {
    started: bool,
}

impl std::io::Write for AttachedCheck {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.started && buf.starts_with(b"terminal already attached!") {
            eprintln!(
                "error: this guest's console is shown by its `lkmc run` already (gem5 takes one \
                 console connection); start the run with --background to attach here"
            );
            return Err(std::io::Error::other("terminal already attached"));
        }
        self.started = true;
        std::io::stdout().write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stdout().flush()
    }
}

/// The values of `names` in each dump of a stats.txt, in order (None where
/// a dump lacks the statistic).
pub fn read_stats(text: &str, names: &[String]) -> Vec<Vec<Option<String>>> {
    let mut dumps: Vec<Vec<Option<String>>> = Vec::new();
    for line in text.lines() {
        if line.starts_with(DUMP_BEGIN) {
            dumps.push(vec![None; names.len()]);
            continue;
        }
        let Some(dump) = dumps.last_mut() else {
            continue;
        };
        let mut words = line.split_whitespace();
        let (Some(name), Some(value)) = (words.next(), words.next()) else {
            continue;
        };
        if let Some(i) = names.iter().position(|n| n == name) {
            dump[i] = Some(value.to_string());
        }
    }
    dumps
}

/// Every statistic's name in a stats.txt.
fn stat_names(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("----------") && !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// `lkmc gem5-stat [NAME...]`: each dump's values (`m5 dumpstats` makes a
/// dump; gem5 makes one more at exit), one line per dump.
pub fn stat(args: &Gem5StatArgs, configs: &[Config]) -> Result<ExitCode> {
    let config = one_config(configs, "lkmc gem5-stat")?;
    let paths = Paths::new(&config);
    let text = std::fs::read_to_string(&paths.stats_file).map_err(|e| {
        UsageError::new(format!(
            "no gem5 statistics at {} ({e}).\nRun gem5 first: lkmc run --arch {} --emulator gem5 \
             --run-id {} ...",
            paths.stats_file.display(),
            config.arch,
            config.run_id
        ))
    })?;
    let names: Vec<String> = match args.names.is_empty() {
        true => vec![DEFAULT_STAT.to_string()],
        false => args.names.clone(),
    };
    let dumps = read_stats(&text, &names);
    for (i, name) in names.iter().enumerate() {
        if dumps.iter().all(|d| d[i].is_none()) {
            let close = closest(name, stat_names(&text));
            let hint = match close.is_empty() {
                true => "see the file for the names".to_string(),
                false => format!("did you mean: {}?", close.join(", ")),
            };
            return Err(UsageError::new(format!(
                "no statistic `{name}` in {}; {hint}",
                paths.stats_file.display()
            ))
            .into());
        }
    }
    let mut out = String::new();
    if names.len() > 1 {
        out.push_str(&format!("{}\n", names.join("\t")));
    }
    for d in &dumps {
        let row: Vec<&str> = d.iter().map(|v| v.as_deref().unwrap_or("-")).collect();
        out.push_str(&format!("{}\n", row.join("\t")));
    }
    crate::plan::print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATS: &str = "
---------- Begin Simulation Statistics ----------
simSeconds                                   0.000100                       # Number of seconds simulated (Second)
system.cpu.numCycles                           400000                       # Number of cpu cycles simulated (Cycle)

---------- End Simulation Statistics   ----------

---------- Begin Simulation Statistics ----------
simSeconds                                   0.000300                       # Number of seconds simulated (Second)
system.cpu.numCycles                          1200000                       # Number of cpu cycles simulated (Cycle)
---------- End Simulation Statistics   ----------
";

    #[test]
    fn one_value_per_dump() {
        let names = vec!["system.cpu.numCycles".to_string(), "nope".to_string()];
        let d = read_stats(STATS, &names);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0][0].as_deref(), Some("400000"));
        assert_eq!(d[1][0].as_deref(), Some("1200000"));
        assert_eq!(d[1][1], None);
        assert!(stat_names(STATS).contains(&"simSeconds"));
    }
}
