//! The host↔guest contract: every name, path, port and console marker that
//! lkmc on the host and the scripts in `rootfs_overlay/` must agree on.
//!
//! Owns the guest's home, the 9P shares and where the guest mounts them,
//! the kernel command line words lkmc always passes, the guest port that
//! the run's forwarded port reaches, the console line that carries
//! `--eval`'s status and the console lines that mean a kernel crash.
//! It only describes the contract: it starts no process and reads no file
//! (its tests read `rootfs_overlay/etc/fstab` to keep the two in step).

use std::path::{Path, PathBuf};

use crate::paths::Paths;

/// The guest's home and working directory ([`HOME_VAR`] on the kernel
/// command line; rcS `cd`s there).
pub const GUEST_HOME: &str = "/lkmc";

/// The kernel words that mount the root filesystem from the disk image,
/// which the board shows the kernel as `device`.
pub fn root_on_disk(device: &str) -> String {
    format!("root={device}")
}

/// Names of init's environment words (after ` - `) that
/// rootfs_overlay/etc/init.d/rcS reads: the home, `--eval` and
/// `--eval-after` (base64, see [`eval_word`]), and the display's shell.
pub const HOME_VAR: &str = "lkmc_home";
pub const EVAL_VAR: &str = "lkmc_eval";
pub const EVAL_AFTER_VAR: &str = "lkmc_eval_after";
/// Set (to 1) by `--graphic`/`--vnc` on a board whose display is not the
/// console (arm, aarch64): rcS starts a second shell on tty1, the display
/// and its keyboard.
pub const DISPLAY_SHELL_VAR: &str = "lkmc_display_shell";

/// The guest port that the run id's `hostfwd_generic_port` reaches. Fixed,
/// so that guest scripts (rootfs_overlay/lkmc/gdbserver.sh) need not know
/// the run id.
pub const GUEST_FORWARDED_PORT: u16 = 45455;

/// Guest console line that carries `--eval`'s exit status.
pub const EXIT_STATUS_MARK: &str = "lkmc_exit_status_";

/// Kernel command line words every boot gets. `panic=-1` reboots at once on
/// a panic, which `-no-reboot` turns into QEMU exiting, so a panic ends the
/// run immediately.
pub const BASE_KERNEL_CLI: &str =
    "console_msg_format=syslog nokaslr norandmaps panic=-1 printk.devkmsg=on printk.time=y rw";

/// With `--oops-panic`: an oops panics the guest, so the run ends there and
/// lkmc reports the crash (`lkmc test` runs so). Without it an oops kills
/// the task that hit it and the shell goes on, as in the original.
pub const OOPS_PANIC_CLI: &str = "oops=panic";

/// The guest's network, set up by the kernel (CONFIG_IP_PNP) before init:
/// eth0 at 10.0.2.15 with QEMU user networking's gateway 10.0.2.2, hostname
/// lkmc, no DHCP. Doing it from rcS costs three BusyBox execs, ~0.1 s of a
/// TCG boot; rcS still does it when the kernel lacks IP_PNP.
pub const GUEST_IP_CLI: &str = "ip=10.0.2.15::10.0.2.2:255.255.255.0:lkmc:eth0:off";

/// Mount tags of the 9P shares of [`nine_p_shares`], in the same order.
pub const NINE_P_TAGS: [&str; 4] = [
    "host_data",
    "host_out",
    "host_rootfs_overlay",
    "host_out_rootfs_overlay",
];

/// How the kernel's own crash reports begin, after the console line's
/// log level (`<0>`, from console_msg_format=syslog) and time stamp
/// (`[    1.234567]`, printk.time=y). Only lines with that prefix count: a
/// program in the guest printing "BUG: " is not a kernel crash.
const CRASH_STARTS: &[&str] = &[
    "Kernel panic - not syncing",
    "Oops",
    "BUG: ",
    "kernel BUG at ",
    "Internal error: ",
    "Unable to handle kernel ",
    "general protection fault",
];

/// The console line that ends a panic report.
const CRASH_END: &str = "end Kernel panic";

/// A crash report longer than this is cut: the first lines say what crashed.
const CRASH_MAX_LINES: usize = 40;

/// The guest directory where the 9P share with this mount tag is mounted
/// (rootfs_overlay/etc/fstab lists the same).
pub fn nine_p_mount_point(tag: &str) -> String {
    format!("/mnt/9p/{}", tag.trim_start_matches("host_"))
}

/// Host directories shared with the guest over 9P, with their mount tags.
/// The guest's fstab mounts them at [`nine_p_mount_point`].
pub fn nine_p_shares(paths: &Paths) -> Vec<(PathBuf, &'static str)> {
    let dirs = [
        &paths.p9_dir,
        &paths.out_dir,
        &paths.rootfs_overlay_dir,
        &paths.out_rootfs_overlay_dir,
    ];
    dirs.into_iter().cloned().zip(NINE_P_TAGS).collect()
}

/// Where the guest sees `host` over 9P: under the mount point of the most
/// specific share holding it (out/rootfs_overlay/ARCH is inside out/ too,
/// and has a share of its own).
pub fn guest_path(paths: &Paths, host: &Path) -> Result<String, String> {
    let (rel, tag) = nine_p_shares(paths)
        .into_iter()
        .filter_map(|(dir, tag)| host.strip_prefix(&dir).ok().map(|rel| (rel, tag)))
        .min_by_key(|(rel, _)| rel.components().count())
        .ok_or_else(|| format!("{} is not shared with the guest", host.display()))?;
    let mount = nine_p_mount_point(tag);
    if rel.as_os_str().is_empty() {
        Ok(mount)
    } else {
        Ok(format!("{mount}/{}", rel.display()))
    }
}

/// The guest script that powers the guest off (`init=` of
/// `--quit-after-boot`).
pub fn poweroff_script() -> String {
    format!("{GUEST_HOME}/poweroff.sh")
}

/// The guest script that starts a program under gdbserver on
/// [`GUEST_FORWARDED_PORT`].
pub fn gdbserver_script() -> String {
    format!("{GUEST_HOME}/gdbserver.sh")
}

/// Where the guest sees the generated overlay's home (`out_rootfs_overlay_lkmc_dir`)
/// through 9P: fresh builds are there before the next rootfs build.
pub fn fresh_home() -> String {
    format!("{}{GUEST_HOME}", nine_p_mount_point(NINE_P_TAGS[3]))
}

/// Where the guest sees a program of the userland build dir, which the
/// rootfs copies into the guest's home.
pub fn program_path(exe: &Path, paths: &Paths) -> String {
    exe.strip_prefix(&paths.userland_build_dir)
        .map(|rel| format!("{GUEST_HOME}/{}", rel.display()))
        .unwrap_or_else(|_| exe.display().to_string())
}

/// The init environment word that carries a shell command for the guest:
/// base64, so that no quoting survives the kernel command line.
pub fn eval_word(name: &str, command: &str) -> String {
    format!("{name}={}", base64(command.as_bytes()))
}

/// The guest's `--eval` exit status in `console`, if it printed one.
pub fn eval_status(console: &str) -> Option<i32> {
    console
        .lines()
        .filter_map(|l| l.trim_end().strip_prefix(EXIT_STATUS_MARK))
        .filter_map(|n| n.parse().ok())
        .next_back()
}

/// The lines of `console` about a kernel crash, if there was one.
pub fn crash_lines(console: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = console.lines().collect();
    let start = lines.iter().position(|l| {
        kernel_message(l).is_some_and(|m| CRASH_STARTS.iter().any(|p| m.starts_with(p)))
    })?;
    let end = lines[start..]
        .iter()
        .position(|l| l.contains(CRASH_END))
        .map(|i| start + i + 1)
        .unwrap_or(lines.len())
        .min(start + CRASH_MAX_LINES);
    Some(lines[start..end].iter().map(|l| l.to_string()).collect())
}

/// The message of a kernel console line (`<4>[   12.345678] MESSAGE`,
/// the log level optional), or None for a line the kernel did not print.
fn kernel_message(line: &str) -> Option<&str> {
    let line = line.trim_start_matches('\r');
    let rest = match line.strip_prefix('<') {
        Some(r) => {
            let (level, r) = r.split_once('>')?;
            if level.is_empty() || !level.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            r
        }
        None => line,
    };
    let (stamp, message) = rest.strip_prefix('[')?.split_once("] ")?;
    let (secs, micros) = stamp.trim_start().split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(secs) && digits(micros)).then_some(message)
}

/// Standard base64 with padding (what the guest's `base64 -d` reads).
pub fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"echo hi"), "ZWNobyBoaQ==");
    }

    #[test]
    fn reads_last_exit_status() {
        let console = "boot\nlkmc_exit_status_3\nlkmc_exit_status_7\r\n";
        assert_eq!(eval_status(console), Some(7));
        assert!(crash_lines(console).is_none());
    }

    #[test]
    fn finds_panic_lines() {
        let lines = crash_lines(
            "a\n<0>[    1.000000] Kernel panic - not syncing: boom\nCPU: 0\n---[ end Kernel panic - not syncing: boom ]---\nafter\n",
        )
        .unwrap();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("boom"));
    }

    /// The kernel's report formats, as each arch prints them, are crashes;
    /// the same words from a program in the guest are not.
    #[test]
    fn crash_reports_are_the_kernels_own_lines() {
        for report in [
            "<0>[    3.141592] Kernel panic - not syncing: sysrq triggered crash",
            "<1>[    2.000001] BUG: kernel NULL pointer dereference, address: 0000000000000000",
            "<4>[    2.000100] Oops: 0002 [#1] PREEMPT SMP NOPTI",
            "<0>[    5.500000] Internal error: Oops: 0000000096000045 [#1] PREEMPT SMP",
            "<1>[    5.400000] Unable to handle kernel NULL pointer dereference at virtual address 0",
            "<2>[   10.000000] kernel BUG at mm/slub.c:123!",
            "<4>[    1.000000] general protection fault, probably for non-canonical address",
            "[    1.000000] Kernel panic - not syncing: VFS: Unable to mount root fs",
            "\r<0>[    1.000000] Oops: 0002 [#1] SMP",
        ] {
            let console = format!("boot\n{report}\nCPU: 0 PID: 1\n");
            let lines = crash_lines(&console).unwrap_or_else(|| panic!("missed: {report}"));
            assert_eq!(lines[0], report);
        }
        for not_one in [
            "BUG: this is a program's own output",
            "Oops, the test printed this",
            "echo 'Kernel panic - not syncing: just a string'",
            "lkmc: [    1.0] Oops: a prefix the kernel does not write",
            "<x>[    1.000000] Oops: a level that is not a number",
            "[ 1.x] BUG: a time that is not one",
            "<6>[    1.000000] printk: the words Kernel panic - not syncing mid-line",
        ] {
            let console = format!("boot\n{not_one}\n");
            assert!(crash_lines(&console).is_none(), "a crash? {not_one}");
        }
    }

    #[test]
    fn rcs_reads_the_init_environment() {
        let rcs = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("rootfs_overlay/etc/init.d/rcS"),
        )
        .unwrap();
        for var in [HOME_VAR, EVAL_VAR, EVAL_AFTER_VAR, DISPLAY_SHELL_VAR] {
            assert!(
                rcs.contains(&format!("${var}")) || rcs.contains(&format!("${{{var}")),
                "{var}"
            );
        }
    }

    #[test]
    fn guest_paths_use_the_most_specific_share() {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from(["lkmc", "test", "--arch", "arm"]).unwrap();
        let p = Paths::new(&crate::config::Config::resolve(&cli.common, None).remove(0));
        let ko = p.out_rootfs_overlay_lkmc_dir.join("timer.ko");
        assert_eq!(
            guest_path(&p, &ko).unwrap(),
            "/mnt/9p/out_rootfs_overlay/lkmc/timer.ko"
        );
        assert_eq!(
            guest_path(&p, &p.out_rootfs_overlay_lkmc_dir).unwrap(),
            "/mnt/9p/out_rootfs_overlay/lkmc"
        );
        let script = p.rootfs_overlay_dir.join("lkmc/test_all.sh");
        assert_eq!(
            guest_path(&p, &script).unwrap(),
            "/mnt/9p/rootfs_overlay/lkmc/test_all.sh"
        );
        let rel = p.run_dir.strip_prefix(&p.out_dir).unwrap().display();
        assert_eq!(
            guest_path(&p, &p.run_dir.join("x.sh")).unwrap(),
            format!("/mnt/9p/out/{rel}/x.sh")
        );
        assert!(guest_path(&p, Path::new("/etc/passwd")).is_err());
    }

    #[test]
    fn fresh_home_is_the_generated_overlay_share() {
        assert_eq!(fresh_home(), "/mnt/9p/out_rootfs_overlay/lkmc");
    }

    #[test]
    fn guest_fstab_mounts_every_share() {
        let fstab = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("rootfs_overlay/etc/fstab"),
        )
        .unwrap();
        let nine_p: Vec<(String, String)> = fstab
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .filter(|f| f.get(2) == Some(&"9p"))
            .map(|f| (f[0].to_string(), f[1].to_string()))
            .collect();
        let expected: Vec<(String, String)> = NINE_P_TAGS
            .iter()
            .map(|t| (t.to_string(), nine_p_mount_point(t)))
            .collect();
        assert_eq!(nine_p, expected);
    }
}
