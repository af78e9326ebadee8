//! Nothing a user owns is ever lost: every `--clean` and rebuild mode, run
//! on a scratch clone of this checkout with the user's edits in place, must
//! leave every tracked file and every file of the user's as it was.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_lkmc");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A clone of this checkout in a scratch dir, removed at the end.
struct Clone {
    dir: PathBuf,
}

impl Clone {
    fn new(name: &str) -> Option<Clone> {
        if !Path::new(ROOT).join(".git").exists() {
            eprintln!("not a git checkout: {ROOT}; nothing to clone");
            return None;
        }
        let dir =
            std::env::temp_dir().join(format!("lkmc-never-lose-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let st = Command::new("git")
            .args(["clone", "-q", "--no-hardlinks", ROOT])
            .arg(&dir)
            .status()
            .unwrap();
        assert!(st.success(), "git clone {ROOT} failed");
        Some(Clone { dir })
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    /// lkmc run in the clone (it finds its checkout from the cwd).
    fn lkmc(&self, args: &[&str]) -> (i32, String) {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(&self.dir)
            .env_remove("LKMC_CONFIG")
            .env_remove("LKMC_ROOT")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, text) = self.lkmc(args);
        assert_eq!(code, 0, "lkmc {args:?} failed:\n{text}");
        text
    }

    /// `git status --porcelain`, ignored files left out.
    fn status(&self) -> Vec<String> {
        let out = Command::new("git")
            .args(["status", "--porcelain", "--untracked-files=all"])
            .current_dir(&self.dir)
            .output()
            .unwrap();
        let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        v.sort();
        v
    }
}

impl Drop for Clone {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const EDIT: &str = "\n/* the user's edit */\n";

/// The user's state: an edited tracked source, and untracked files of theirs
/// in the source tree (sources and a look-alike of a build output).
fn user_edits(c: &Clone) -> String {
    let hello = c.path("userland/c/hello.c");
    let edited = std::fs::read_to_string(&hello).unwrap() + EDIT;
    std::fs::write(&hello, &edited).unwrap();
    c.write("userland/c/mine.c", "int main(void) { return 0; }\n");
    c.write("userland/notes.txt", "my notes\n");
    c.write("kernel_modules/mine.c", "// mine\n");
    edited
}

const USER_STATUS: &[&str] = &[
    "?? kernel_modules/mine.c",
    "?? userland/c/mine.c",
    "?? userland/notes.txt",
    " M userland/c/hello.c",
];

fn want_status() -> Vec<String> {
    let mut v: Vec<String> = USER_STATUS.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

fn have_host_gcc() -> bool {
    Command::new("gcc").arg("--version").output().is_ok()
}

/// The original bug: `--in-tree --clean` ran `rm -rf userland/`.
#[test]
fn in_tree_clean_removes_only_build_outputs() {
    let Some(c) = Clone::new("in-tree") else {
        return;
    };
    let edited = user_edits(&c);
    if have_host_gcc() {
        c.ok(&["build", "userland", "--in-tree", "userland/c/hello.c"]);
        assert!(c.path("userland/c/hello.out").is_file());
        assert!(c.path("userland/lib/liblkmc.a").is_file());
        c.ok(&[
            "build",
            "userland",
            "--in-tree",
            "--force-rebuild",
            "userland/c/hello.c",
        ]);
    } else {
        eprintln!("no host gcc: the in-tree build is not run, only its clean");
        c.write("userland/c/hello.out", "");
        c.write("userland/lib/lkmc.o", "");
    }
    // A dry run prints the removal and removes nothing.
    let plan = c.ok(&["build", "userland", "--in-tree", "--clean", "--dry-run"]);
    assert!(plan.contains("+ rm -f "), "{plan}");
    assert!(!plan.contains("rm -rf"), "{plan}");
    assert!(c.path("userland/c/hello.out").is_file());
    c.ok(&["build", "userland", "--in-tree", "--clean"]);
    assert!(!c.path("userland/c/hello.out").exists());
    assert!(!c.path("userland/c/hello.out.d").exists());
    assert!(!c.path("userland/lib/liblkmc.a").exists());
    assert_eq!(
        std::fs::read_to_string(c.path("userland/c/hello.c")).unwrap(),
        edited
    );
    assert_eq!(c.status(), want_status());
}

/// `--clean` of every target, with the default out dir and with one whose
/// build dirs are links into the sources.
#[test]
fn clean_of_every_target_stays_in_the_out_dir() {
    let Some(c) = Clone::new("clean") else {
        return;
    };
    user_edits(&c);
    let out = c.path("out");
    let dirs = [
        "linux/default/x86_64",
        "rootfs/x86_64",
        "kernel_modules/x86_64",
        "userland/default/x86_64",
    ];
    for d in dirs {
        c.write(&format!("out/{d}/generated"), "x");
    }
    c.write("out/mine.txt", "a file of the user's in the out dir\n");
    for target in ["linux", "modules", "userland", "rootfs", "baremetal"] {
        c.ok(&["build", target, "--clean"]);
    }
    for d in dirs {
        assert!(!out.join(d).exists(), "{d} not cleaned");
    }
    assert!(out.join("mine.txt").is_file());
    assert_eq!(c.status(), want_status());

    // out/userland is a link into the sources: cleaning through it is refused.
    std::fs::remove_dir_all(out.join("userland")).unwrap();
    std::os::unix::fs::symlink(c.path("userland"), out.join("userland")).unwrap();
    c.write("userland/default/x86_64/keep.txt", "the user's\n");
    let (code, text) = c.lkmc(&["build", "userland", "--clean"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("will not delete"), "{text}");
    assert!(text.contains("outside the out dir"), "{text}");
    assert!(c.path("userland/default/x86_64/keep.txt").is_file());

    std::fs::remove_file(out.join("userland")).unwrap();

    // The out dir is the checkout itself: the sources are not lkmc's to
    // clean, whatever build dir is asked for.
    let root = c.dir.to_string_lossy().into_owned();
    for target in ["linux", "modules", "userland", "rootfs", "baremetal"] {
        let (code, text) = c.lkmc(&["--out-dir", &root, "build", target, "--clean"]);
        assert_eq!(code, 2, "{text}");
        assert!(text.contains("git tracks"), "{text}");
    }
    assert!(c.path("userland/default/x86_64/keep.txt").is_file());
    let mut want = want_status();
    want.push("?? userland/default/x86_64/keep.txt".to_string());
    want.sort();
    assert_eq!(c.status(), want);
}

/// A disk the user wrote with `--disk-persist` and a `.config` edited by
/// hand survive `--clean`.
#[test]
fn clean_keeps_a_persisted_disk_and_an_edited_config() {
    let Some(c) = Clone::new("persist") else {
        return;
    };
    let qcow2 = c.write("out/rootfs/x86_64/rootfs.ext4.qcow2", "the user's disk");
    c.write("out/rootfs/x86_64/lkmc_rootfs_stamp", "size 1 mtime 1");
    let (code, text) = c.lkmc(&["build", "rootfs", "--clean"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("--disk-persist"), "{text}");
    assert_eq!(std::fs::read_to_string(&qcow2).unwrap(), "the user's disk");

    c.write("out/linux/default/x86_64/.config", "CONFIG_MINE=y\n");
    c.write(
        "out/linux/default/x86_64/lkmc_config_inputs",
        "inputs config-hash 0\n",
    );
    let text = c.ok(&["build", "linux", "--clean"]);
    assert!(text.contains("keeping it as"), "{text}");
    assert!(!c.path("out/linux/default/x86_64").exists());
    assert_eq!(
        std::fs::read_to_string(c.path("out/linux/default/x86_64.config.user-edited")).unwrap(),
        "CONFIG_MINE=y\n"
    );
}

/// Two builds on one out dir never interleave: the second waits for the
/// first (here: a lock held by the test) and says so.
#[test]
fn a_second_build_waits_for_the_first() {
    let Some(c) = Clone::new("lock") else {
        return;
    };
    let lock = c.path("out/lock/build");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let held = std::fs::File::create(&lock).unwrap();
    held.lock().unwrap();
    let mut child = Command::new(BIN)
        .args(["build", "userland", "--clean"])
        .current_dir(&c.dir)
        .env_remove("LKMC_CONFIG")
        .env_remove("LKMC_ROOT")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the second build did not wait"
    );
    held.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("another lkmc build is running"), "{err}");
}
