//! The modules suite: every kernel module's test in the guest. One boot runs
//! all of them (rootfs_overlay/lkmc/test_all.sh, one verdict line each);
//! a module that crashes the kernel on purpose gets a fresh guest each, and
//! passes when lkmc reports the crash.
//!
//! Cases only; which modules exist and what configs/kernel_modules.toml says
//! of them is build::modules's.

use std::time::Instant;

use anyhow::Result;

use crate::build::modules;
use crate::guest::guest_path;
use crate::paths::Paths;

use super::harness::{Ctx, Listed, RunSlot, expect_error, record_guest_results};
use super::report::{Report, Verdict};

/// What the suite does with one module, by its facts alone.
enum Plan {
    Skip(String),
    /// Crashes the kernel on purpose with this shell command.
    Crasher(String),
    InOneGuest,
}

/// Every module of the arch (or those the user named): its name, its case
/// id and its plan. Nothing built is looked at, so that the ids are the
/// same before a build and after.
fn plan(ctx: &Ctx, paths: &Paths) -> Result<Vec<(String, String, Plan)>> {
    let facts = modules::facts(paths)?;
    let mut ours = modules::our_modules(paths);
    for name in ctx.items {
        if !ours.contains(name) {
            return Err(modules::unknown_module(name, &ours, paths));
        }
    }
    if !ctx.items.is_empty() {
        ours.retain(|m| ctx.items.contains(m));
    }
    Ok(ours
        .into_iter()
        .map(|m| {
            let f = facts.get(&m).cloned().unwrap_or_default();
            let (id, plan) = match (f.skip, f.crash_eval) {
                (Some(why), _) => (ctx.name(&m), Plan::Skip(why)),
                (None, Some(eval)) => (
                    format!("{} (crashes on purpose)", ctx.name(&m)),
                    Plan::Crasher(eval),
                ),
                (None, None) => (ctx.name(&m), Plan::InOneGuest),
            };
            (m, id, plan)
        })
        .collect())
}

/// The modules of the one guest share its boot; a crasher boots alone.
pub fn cases(ctx: &Ctx) -> Result<Vec<Listed>> {
    let paths = ctx.paths_at(RunSlot::Guest);
    let one_guest = format!("{} one guest", ctx.prefix());
    Ok(plan(ctx, &paths)?
        .into_iter()
        .map(|(_, id, plan)| Listed {
            id,
            boot: matches!(plan, Plan::InOneGuest).then(|| one_guest.clone()),
        })
        .collect())
}

pub fn run(ctx: &Ctx, report: &mut Report) -> Result<()> {
    let arch = ctx.arch();
    let paths = ctx.paths_at(RunSlot::Guest);
    let plan = plan(ctx, &paths)?;
    // insmod would refuse every module: one failure says why, not fifty.
    if let Some(w) = modules::mismatch_warning(ctx.config, &paths) {
        report.record(&ctx.prefix(), Default::default(), Verdict::Fail(w));
        return Ok(());
    }
    let mut in_one_guest = Vec::new();
    for (m, name, plan) in plan.into_iter().filter(|(_, id, _)| ctx.wants(id)) {
        if let Plan::Skip(why) = plan {
            report.skip(&name, why);
        } else if !paths
            .out_rootfs_overlay_lkmc_dir
            .join(format!("{m}.ko"))
            .is_file()
        {
            let why = format!("{m}.ko not built: lkmc build --arch {arch} modules");
            report.case(&name, || Err(why));
        } else if let Plan::Crasher(eval) = plan {
            report.case(&name, || crasher(ctx, &paths, &eval));
        } else {
            in_one_guest.push(m);
        }
    }
    if !in_one_guest.is_empty() {
        all_in_one_guest(ctx, &paths, &in_one_guest, report)?;
    }
    Ok(())
}
/// A crash ends the guest, so each crasher boots its own.
fn crasher(ctx: &Ctx, paths: &Paths, eval: &str) -> Result<(), String> {
    let dir = guest_path(paths, &paths.out_rootfs_overlay_lkmc_dir)?;
    let eval = format!("cd {dir} && {eval}");
    expect_error(
        ctx.lkmc_run_output(RunSlot::Guest, &["--eval", &eval]),
        1,
        "kernel crashed",
        "expected lkmc to report a kernel crash",
    )
}

fn all_in_one_guest(ctx: &Ctx, paths: &Paths, names: &[String], report: &mut Report) -> Result<()> {
    let start = Instant::now();
    let script = guest_path(paths, &paths.rootfs_overlay_dir.join("lkmc/test_all.sh"))
        .map_err(anyhow::Error::msg)?;
    let eval = format!("sh {script} {}", names.join(" "));
    let out = ctx.lkmc_run_output(RunSlot::Guest, &["--eval", &eval]);
    record_guest_results(ctx, paths, names, start, &out, report);
    Ok(())
}
