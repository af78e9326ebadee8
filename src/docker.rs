//! `lkmc docker create|sh|start|stop|destroy`: lkmc's host in a container,
//! as the original's `run-docker`, with docker or podman.
//!
//! `create` builds the image from the checkout's `Dockerfile` (Debian 12,
//! the host packages `lkmc build --download-dependencies` installs, lkmc
//! built with cargo) and creates one container from it, both named
//! [`NAME`], with the checkout mounted at [`MOUNT`] (so edits on the host
//! are seen inside, and builds inside go to `out.docker/` there, through
//! `LKMC_OUT_DIR`, so that the host's out/ and the container's never mix). `sh` starts it if needed and runs a command in
//! it (a shell by default), from any number of terminals at once; `start`
//! and `stop` do that; `destroy` stops and removes the container and the
//! image. Every action is a planned step, which `--dry-run` prints.
//!
//! The engine is `--engine`'s, else the first of [`ENGINES`] that is
//! installed and answers (`docker info` needs its daemon running; podman
//! has none).

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{DockerAction, DockerArgs, Engine};
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::UsageError;
use crate::paths::Paths;
use crate::plan::{Executor, Plan};
use crate::process::Finished;

/// The image's and the container's name (and the container's hostname).
pub const NAME: &str = "lkmc";

/// Where the container sees the checkout (the original's).
pub const MOUNT: &str = "/root/lkmc";

/// The out dir of lkmc in the container (the original's name): other
/// paths and tools than the host's, so not the host's out/.
const OUT_DIR: &str = "/root/lkmc/out.docker";

/// An engine lkmc can drive: the same command line for both.
#[derive(Debug)]
struct EngineFacts {
    engine: Engine,
    program: &'static str,
    /// How to get it when it is missing.
    install: &'static str,
    /// What to do when it is installed and does not answer.
    wake: &'static str,
}

/// In the order tried.
const ENGINES: &[EngineFacts] = &[
    EngineFacts {
        engine: Engine::Docker,
        program: "docker",
        install: "install it: `sudo apt-get install docker.io` (Debian, Ubuntu), and start its \
                  daemon",
        wake: "start its daemon (`sudo systemctl start docker`, or `sudo dockerd &` without \
               systemd), or join the docker group",
    },
    EngineFacts {
        engine: Engine::Podman,
        program: "podman",
        install: "install it: `sudo apt-get install podman` (Debian, Ubuntu); it needs no daemon",
        wake: "run `podman info` to see why it fails",
    },
];

fn facts(engine: Engine) -> &'static EngineFacts {
    ENGINES
        .iter()
        .find(|e| e.engine == engine)
        .expect("a row per engine")
}

/// What lkmc found of one engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Missing,
    /// Installed, but `ENGINE info` fails (docker's daemon is not running).
    Silent,
    Usable,
}

/// What there is of `e` here. A dry run only looks on PATH: it starts
/// nothing.
fn probe(e: &EngineFacts, dry_run: bool) -> Found {
    if which::which(e.program).is_err() {
        return Found::Missing;
    }
    let answers = dry_run
        || crate::process::output(
            &Cmd::new(e.program).arg("info"),
            Some(std::time::Duration::from_secs(30)),
        )
        .is_ok_and(|o| o.status.success());
    if answers {
        Found::Usable
    } else {
        Found::Silent
    }
}

/// The engine to use, or why there is none. `--engine` in a dry run is
/// taken as it is: the plan is the same whatever is installed.
fn pick(args: &DockerArgs, dry_run: bool) -> Result<&'static EngineFacts> {
    if let (Some(engine), true) = (args.engine, dry_run) {
        return Ok(facts(engine));
    }
    let found: Vec<(&'static EngineFacts, Found)> = ENGINES
        .iter()
        .filter(|e| args.engine.is_none_or(|want| e.engine == want))
        .map(|e| (e, probe(e, dry_run)))
        .collect();
    choose(&found, args.engine.is_some())
}

/// The first usable engine of `found`, else the error that says what was
/// found of each and how to get one.
fn choose(found: &[(&'static EngineFacts, Found)], named: bool) -> Result<&'static EngineFacts> {
    if let Some((e, _)) = found.iter().find(|(_, f)| *f == Found::Usable) {
        return Ok(e);
    }
    let lines: Vec<String> = found
        .iter()
        .map(|(e, f)| {
            let (state, fix) = match f {
                Found::Missing => ("not installed", e.install),
                _ => ("installed, but `info` fails", e.wake),
            };
            format!("  {} ({state}): {fix}", e.program)
        })
        .collect();
    let what = if named {
        "the engine named by --engine is not usable"
    } else if found.iter().all(|(_, f)| *f == Found::Missing) {
        "lkmc docker needs docker or podman, and neither is installed"
    } else {
        "lkmc docker needs docker or podman, and neither answers"
    };
    Err(UsageError::new(format!("{what}:\n{}", lines.join("\n"))).into())
}

/// `lkmc docker`.
pub fn main(args: &DockerArgs, configs: &[Config], exec: &Executor) -> Result<ExitCode> {
    let config = &configs[0];
    if !matches!(args.action, DockerAction::Sh) && !args.command.is_empty() {
        return Err(UsageError::new(format!(
            "a command after -- is for `lkmc docker sh`; `{}` takes none",
            args.action.name()
        ))
        .into());
    }
    if args.base.is_some() && args.action != DockerAction::Create {
        return Err(UsageError::new(format!(
            "--base is the image `lkmc docker create` builds from; `{}` builds nothing",
            args.action.name()
        ))
        .into());
    }
    let paths = Paths::new(config);
    let e = pick(args, exec.dry_run)?;
    let docker = |words: &[&str]| Cmd::new(e.program).args(words.iter().copied());
    let mut plan = Plan::new(
        format!("docker {}", args.action.name()),
        paths.log_dir.join("docker.log"),
    );
    match args.action {
        DockerAction::Create => {
            let mut build = Cmd::new(e.program).arg("build").line(["-t", NAME]);
            if let Some(base) = &args.base {
                build = build.line(["--build-arg", &format!("BASE={base}")]);
            }
            plan.cmd(
                "build the image",
                build
                    .line(["-f", &p(&paths.root_dir.join("Dockerfile"))])
                    .arg(p(&paths.root_dir)),
            );
            plan.cmd("create the container", create_cmd(e.program, &paths));
        }
        DockerAction::Start | DockerAction::Sh => {
            plan.cmd("start", docker(&["start", NAME]).oneline());
        }
        DockerAction::Stop => {
            plan.cmd("stop", docker(&["stop", NAME]).oneline());
        }
        DockerAction::Destroy => {
            plan.cmd("stop", docker(&["stop", NAME]).oneline());
            plan.cmd("remove the container", docker(&["rm", NAME]).oneline());
            plan.cmd("remove the image", docker(&["rmi", NAME]).oneline());
        }
    }
    exec.execute(&plan)?;
    if !matches!(args.action, DockerAction::Sh) {
        return Ok(ExitCode::SUCCESS);
    }
    let command: Vec<&str> = if args.command.is_empty() {
        vec!["bash"]
    } else {
        args.command.iter().map(String::as_str).collect()
    };
    let sh = Cmd::new(e.program)
        .args(["exec", "-i", "-t", NAME])
        .line(command);
    match exec.foreground(&sh, None)? {
        None => Ok(ExitCode::SUCCESS),
        Some(Finished::Exited(code)) => Ok(ExitCode::from(code.clamp(0, 255) as u8)),
        Some(Finished::TimedOut) => unreachable!("no timeout"),
    }
}

/// The container: lkmc's out dir, a terminal, the host's network (the guests' forwarded
/// ports and GDB stubs are reachable as on the host), privileged (for KVM
/// where the host has it), the checkout mounted and the working dir.
fn create_cmd(program: &str, paths: &Paths) -> Cmd {
    Cmd::new(program)
        .arg("create")
        .line(["--hostname", NAME])
        .line(["--name", NAME])
        .line(["-i", "-t"])
        .line(["--net", "host"])
        .arg("--privileged")
        .line(["-w", MOUNT])
        .line(["-e", &format!("LKMC_OUT_DIR={OUT_DIR}")])
        .line(["-v", &format!("{}:{MOUNT}", p(&paths.root_dir))])
        .arg(NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_usable_engine_is_taken() {
        let (docker, podman) = (&ENGINES[0], &ENGINES[1]);
        let got = choose(&[(docker, Found::Silent), (podman, Found::Usable)], false);
        assert_eq!(got.unwrap().program, "podman");
        let got = choose(&[(docker, Found::Usable), (podman, Found::Usable)], false);
        assert_eq!(got.unwrap().program, "docker");
    }

    #[test]
    fn no_engine_says_what_was_found_and_how_to_get_one() {
        let (docker, podman) = (&ENGINES[0], &ENGINES[1]);
        let e = choose(&[(docker, Found::Missing), (podman, Found::Missing)], false)
            .unwrap_err()
            .to_string();
        assert!(e.contains("neither is installed"), "{e}");
        assert!(e.contains("apt-get install podman"), "{e}");
        assert!(e.contains("apt-get install docker.io"), "{e}");
        let e = choose(&[(docker, Found::Silent), (podman, Found::Missing)], false)
            .unwrap_err()
            .to_string();
        assert!(e.contains("neither answers"), "{e}");
        assert!(
            e.contains("docker (installed, but `info` fails): start its daemon"),
            "{e}"
        );
    }
}
