//! `lkmc test`: run the content for real in the emulator and report per case.
//!
//! Each case runs lkmc itself (`lkmc run ...`) as a child process with this
//! run's options, exactly as a user would, and checks its exit status and
//! output. One report prints every case the same way, then `N passed, N
//! failed, N skipped`; the exit status is 1 if any case failed.
//!
//! This module owns the suite table and the dispatch of `lkmc test`; it must
//! hold no case. Suites live one per file, what they share in harness.rs and
//! gdb_harness.rs, the output in report.rs.

mod baremetal;
mod boot;
mod faults;
mod gdb;
mod gdb_harness;
mod harness;
mod modules;
mod report;
mod userland;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::TestArgs;
use crate::config::Config;
use crate::error::{UsageError, did_you_mean};
use crate::plan::Executor;

use harness::Ctx;
use report::Report;

/// A test suite.
struct Suite {
    name: &'static str,
    /// One line for the user.
    about: &'static str,
    /// It takes a list of what to test, named right after it.
    takes_items: bool,
    run: fn(&Ctx, &mut Report) -> Result<()>,
}

/// The suites, in the order `lkmc test` runs them.
const SUITES: &[Suite] = &[
    Suite {
        name: "boot",
        about: "boot each arch; exit statuses, panics, 9P, run ids",
        takes_items: false,
        run: boot::run,
    },
    Suite {
        name: "modules",
        about: "every kernel module's test in the guest; crashers in fresh guests",
        takes_items: true,
        run: modules::run,
    },
    Suite {
        name: "userland",
        about: "every userland example in QEMU user mode, checked against its properties",
        takes_items: true,
        run: userland::run_user_mode,
    },
    Suite {
        name: "userland-full-system",
        about: "the userland examples again, inside the booted guest",
        takes_items: true,
        run: userland::run_full_system,
    },
    Suite {
        name: "gdb",
        about: "GDB on the kernel (start_kernel, a syscall), a userland program, KGDB",
        takes_items: false,
        run: gdb::run,
    },
    Suite {
        name: "faults",
        about: "Ctrl-C of a build and of a run, QEMU killed from outside: exit statuses, recovery",
        takes_items: false,
        run: faults::run,
    },
    Suite {
        name: "baremetal",
        about: "every baremetal image (arm, aarch64) in QEMU, its exit status; GDB on one",
        takes_items: true,
        run: baremetal::run,
    },
];

/// `lkmc test`.
pub fn main(args: &TestArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    let (suites, items) = select(&args.suites)?;
    if exec.dry_run {
        return Err(
            UsageError::new("lkmc test runs things for real; --dry-run is not supported").into(),
        );
    }
    let mut report = Report::default();
    for suite in suites {
        for config in configs {
            let ctx = Ctx {
                suite: suite.name,
                config,
                items,
                exec,
            };
            (suite.run)(&ctx, &mut report)?;
        }
    }
    Ok(report.finish())
}

/// Split `lkmc test`'s words into leading suite names (none: all of them)
/// and the items to test of the last one.
fn select(words: &[String]) -> Result<(Vec<&'static Suite>, &[String])> {
    let find = |w: &str| SUITES.iter().find(|s| s.name == w);
    let suites: Vec<&Suite> = words.iter().map_while(|w| find(w)).collect();
    let items = &words[suites.len()..];
    if suites.is_empty()
        && let Some(s) = items.first()
    {
        let names = SUITES.iter().map(|s| s.name);
        return Err(UsageError::new(format!(
            "unknown test suite `{s}`{}\naccepted:\n{}",
            did_you_mean(s, names),
            list()
        ))
        .into());
    }
    if !items.is_empty() && (suites.len() != 1 || !suites[0].takes_items) {
        let item_suites: Vec<&str> = SUITES
            .iter()
            .filter(|s| s.takes_items)
            .map(|s| s.name)
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
    SUITES
        .iter()
        .map(|s| {
            let items = if s.takes_items { " [ITEM...]" } else { "" };
            format!("  {}{items}\n        {}", s.name, s.about)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        suites.iter().map(|s| s.name).collect()
    }

    #[test]
    fn suites_then_items() {
        let (s, items) = select(&[]).unwrap();
        assert_eq!(names(&s), SUITES.iter().map(|s| s.name).collect::<Vec<_>>());
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
