//! `lkmc test`: run the content for real in the emulator and report per case.
//!
//! Each case runs lkmc itself (`lkmc run ...`) as a child process with this
//! run's options, exactly as a user would, and checks its exit status and
//! output. One report prints every case the same way, then `N passed, N
//! failed, N skipped`; the exit status is 1 if any case failed.
//!
//! A suite first lists its cases (`cases`: their ids, which cases share a
//! boot) without building or booting anything; `--list`, `--filter` and
//! `--shard` work on that list, and the suite then runs the cases selected
//! (`run`), under the same ids.
//!
//! This module owns the suite table and the dispatch of `lkmc test`; it must
//! hold no case. Suites live one per file, what they share in harness.rs and
//! gdb_harness.rs, the selection in shard.rs, the output in report.rs.

mod baremetal;
mod boot;
mod faults;
mod gdb;
mod gdb_harness;
mod gem5;
mod harness;
mod modules;
mod report;
mod shard;
mod tools;
mod userland;

use std::collections::BTreeSet;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{self, SuiteInfo, TestArgs};
use crate::config::Config;
use crate::error::{UsageError, did_you_mean};
use crate::facts::Emulator;
use crate::plan::Executor;

use harness::{Ctx, Listed};
use report::Report;

/// A test suite: what the user sees of it (`cli::SUITES`, which `lkmc
/// test --help` lists), its cases and how to run them.
struct Suite {
    info: &'static SuiteInfo,
    /// The cases, without building or booting anything.
    cases: fn(&Ctx) -> Result<Vec<Listed>>,
    /// Run the cases `Ctx::wants`, recording each under its listed id.
    run: fn(&Ctx, &mut Report) -> Result<()>,
    /// Emulators whose runs it has no cases for (the gem5 suite has gem5's).
    not_on: &'static [Emulator],
}

/// What the QEMU suites do not run on.
const QEMU_ONLY: &[Emulator] = &[Emulator::Gem5];

/// The suites, in the order `lkmc test` runs them: one per row of
/// `cli::SUITES`, in its order (a unit test checks it).
const SUITES: &[Suite] = &[
    Suite {
        info: &cli::SUITES[0],
        cases: boot::cases,
        run: boot::run,
        not_on: QEMU_ONLY,
    },
    Suite {
        info: &cli::SUITES[1],
        cases: modules::cases,
        run: modules::run,
        not_on: QEMU_ONLY,
    },
    Suite {
        info: &cli::SUITES[2],
        cases: userland::cases_user_mode,
        run: userland::run_user_mode,
        not_on: &[],
    },
    Suite {
        info: &cli::SUITES[3],
        cases: userland::cases_full_system,
        run: userland::run_full_system,
        not_on: QEMU_ONLY,
    },
    Suite {
        info: &cli::SUITES[4],
        cases: gdb::cases,
        run: gdb::run,
        not_on: QEMU_ONLY,
    },
    Suite {
        info: &cli::SUITES[5],
        cases: faults::cases,
        run: faults::run,
        not_on: QEMU_ONLY,
    },
    Suite {
        info: &cli::SUITES[6],
        cases: baremetal::cases,
        run: baremetal::run,
        not_on: QEMU_ONLY,
    },
    Suite {
        info: &cli::SUITES[7],
        cases: gem5::cases,
        run: gem5::run,
        not_on: &[],
    },
    Suite {
        info: &cli::SUITES[8],
        cases: tools::cases,
        run: tools::run,
        // QEMU's traces: gem5 and native runs have no -d in_asm.
        not_on: &[Emulator::Gem5, Emulator::Native],
    },
];

/// `lkmc test`.
pub fn main(args: &TestArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    let (suites, items) = select(&args.suites)?;
    if exec.dry_run && !args.list {
        return Err(UsageError::new(
            "lkmc test runs things for real; --dry-run is not supported \
             (--list prints the cases without running them)",
        )
        .into());
    }
    let previous = match &args.durations {
        Some(p) => report::read_durations(p).unwrap_or_else(|why| {
            eprintln!(
                "warning: ignoring the durations in {}: {why}; every case weighs the same \
                 for --shard, and the file is written anew at the end",
                p.display()
            );
            None
        }),
        None => None,
    };
    let previous = previous.unwrap_or_default();
    // Every suite and arch's cases, listed before anything runs.
    let ctx = |suite: &Suite, config, only| Ctx {
        suite: suite.info.name,
        config,
        items,
        exec,
        only,
    };
    let mut runs = Vec::new();
    let mut listed = Vec::new();
    for suite in suites {
        for config in configs {
            runs.push((suite, config));
            let ctx = ctx(suite, config, None);
            if suite.not_on.contains(&config.emulator) {
                // One skip for the suite and arch, as the run reports it.
                listed.push(Listed::alone(ctx.prefix()));
            } else {
                listed.extend((suite.cases)(&ctx)?);
            }
        }
    }
    let count = listed.len();
    let listed = shard::filter(listed, &args.filter);
    if listed.is_empty() && !args.filter.is_empty() {
        return Err(UsageError::new(format!(
            "--filter {} matches none of the {count} cases; `lkmc test --list` prints their ids",
            args.filter.join(" --filter ")
        ))
        .into());
    }
    let selected: BTreeSet<String> = match args.shard {
        Some(s) => shard::pick(&listed, s, &previous),
        None => listed.iter().map(|c| c.id.clone()).collect(),
    };
    if args.list {
        let text: String = listed
            .iter()
            .filter(|c| selected.contains(&c.id))
            .map(|c| format!("{}\n", c.id))
            .collect();
        crate::plan::print_out(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut report = Report::new(report::Outputs {
        junit: args.junit.clone(),
        json: args.json.clone(),
        durations: args.durations.clone(),
        previous,
    })?;
    // Without --junit, the run's JUnit report is kept under out/ all the
    // same, where CI and a user find it after the fact (once the reports
    // asked for opened: a refused run leaves nothing behind).
    if args.junit.is_none() {
        report.keep_junit(&crate::paths::Paths::new(&configs[0]).test_junit_file)?;
    }
    let by_prefix = prefixes(&selected);
    for (suite, config) in runs {
        let ctx = ctx(suite, config, Some(&selected));
        // Nothing of this suite and arch selected: nothing built or booted.
        if !by_prefix.contains(&ctx.prefix()) {
            continue;
        }
        report.set_where(report::Where {
            suite: suite.info.name.to_string(),
            arch: config.arch.to_string(),
            emulator: config.emulator.to_string(),
            providers: harness::provider_args(config),
        });
        if suite.not_on.contains(&config.emulator) {
            report.skip(&ctx.prefix(), not_on_reason(suite, config));
            continue;
        }
        (suite.run)(&ctx, &mut report)?;
    }
    report.finish()
}

/// Why `suite` has nothing to run on `config`'s emulator.
fn not_on_reason(suite: &Suite, config: &Config) -> String {
    format!(
        "the {} suite has no cases for --emulator {} (its runs are in the gem5 suite)",
        suite.info.name, config.emulator
    )
}

/// The `SUITE ARCH` prefixes of `ids`: their first two words (a case id
/// always starts with them, `Ctx::name`).
fn prefixes(ids: &BTreeSet<String>) -> BTreeSet<String> {
    ids.iter()
        .map(|id| id.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" "))
        .collect()
}

/// Split `lkmc test`'s words into leading suite names (none: all of them)
/// and the items to test of the last one.
fn select(words: &[String]) -> Result<(Vec<&'static Suite>, &[String])> {
    let find = |w: &str| SUITES.iter().find(|s| s.info.name == w);
    let suites: Vec<&Suite> = words.iter().map_while(|w| find(w)).collect();
    let items = &words[suites.len()..];
    if suites.is_empty()
        && let Some(s) = items.first()
    {
        let names = SUITES.iter().map(|s| s.info.name);
        return Err(UsageError::new(format!(
            "unknown test suite `{s}`{}\naccepted:\n{}",
            did_you_mean(s, names),
            list()
        ))
        .into());
    }
    if !items.is_empty() && (suites.len() != 1 || !suites[0].info.takes_items) {
        let item_suites: Vec<&str> = SUITES
            .iter()
            .filter(|s| s.info.takes_items)
            .map(|s| s.info.name)
            .collect();
        return Err(UsageError::new(format!(
            "`{}`: only one of the suites {} takes items to test, named right after it \
             (lkmc test modules hello timer)",
            items[0],
            item_suites.join(", ")
        ))
        .into());
    }
    if suites.is_empty() {
        return Ok((SUITES.iter().collect(), items));
    }
    Ok((suites, items))
}

/// The suite table for the user, one suite a line.
pub fn list() -> String {
    cli::suites_help()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every suite the help lists has its cases, in the same order.
    #[test]
    fn one_suite_per_help_row() {
        let names: Vec<&str> = SUITES.iter().map(|s| s.info.name).collect();
        let listed: Vec<&str> = cli::SUITES.iter().map(|s| s.name).collect();
        assert_eq!(names, listed);
    }

    /// `lkmc test --help` lists the suite table.
    #[test]
    fn help_lists_the_suite_table() {
        use clap::CommandFactory;
        let cmd = crate::cli::Cli::command();
        let test = cmd.find_subcommand("test").unwrap();
        let help = test.get_after_help().unwrap().to_string();
        assert!(help.contains(&list()), "{help}");
    }

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    fn names(suites: &[&Suite]) -> Vec<&'static str> {
        suites.iter().map(|s| s.info.name).collect()
    }

    #[test]
    fn suites_then_items() {
        let (s, items) = select(&[]).unwrap();
        assert_eq!(
            names(&s),
            SUITES.iter().map(|s| s.info.name).collect::<Vec<_>>()
        );
        assert!(items.is_empty());
        let w = words(&["boot", "gdb"]);
        let (s, items) = select(&w).unwrap();
        assert_eq!(names(&s), ["boot", "gdb"]);
        assert!(items.is_empty());
        let w = words(&["modules", "hello", "timer"]);
        let (s, items) = select(&w).unwrap();
        assert_eq!(names(&s), ["modules"]);
        assert_eq!(items, ["hello", "timer"]);
        assert!(select(&words(&["boot", "hello"])).is_err());
        assert!(select(&words(&["modules", "userland", "x"])).is_err());
        let Err(e) = select(&words(&["bot"])) else {
            panic!("`bot` is no suite")
        };
        let e = e.to_string();
        assert!(e.contains("did you mean boot"), "{e}");
        assert!(e.contains(&list()), "{e}");
    }
}
