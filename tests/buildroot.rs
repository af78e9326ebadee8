//! `lkmc build buildroot` for real, as far as it goes without downloads:
//! the .config made from lkmc's base, fragments and options, the check that
//! every requested option survived Kconfig, and make targets after `--`.
//!
//! Two tests. One runs on a small fake Buildroot tree in a scratch dir (its
//! `merge_config.sh` concatenates, its `olddefconfig` drops one option as
//! Kconfig does for an unmet dependency): it checks lkmc's side always.
//! The other needs a real Buildroot tree, named by
//! `LKMC_BUILDROOT_SOURCE_DIR` (the release pinned in configs/sources.toml);
//! without it, it prints that it was skipped and checks nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_lkmc");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("lkmc-buildroot-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("lkmc.toml"), "").unwrap();
        Scratch(dir)
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `lkmc build --arch aarch64 --buildroot-source-dir TREE ARGS` with the
/// scratch out dir and an empty config file, offline.
fn build(s: &Scratch, tree: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(ROOT)
        .env_remove("LKMC_CONFIG")
        .env_remove("LKMC_ROOT")
        .env("LKMC_OFFLINE", "1")
        .args(["build", "--arch", "aarch64", "-q", "--out-dir"])
        .arg(s.path("out"))
        .arg("--config-file")
        .arg(s.path("lkmc.toml"))
        .arg("--buildroot-source-dir")
        .arg(tree)
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn dot_config(s: &Scratch) -> String {
    std::fs::read_to_string(s.path("out/buildroot/build/default/aarch64/.config")).unwrap()
}

#[test]
fn fake_buildroot_tree_config_survival_check_and_make_targets() {
    let s = Scratch::new("fake");
    let tree = s.path("buildroot");
    s.write("buildroot/package/Config.in", "");
    let merge = s.write(
        "buildroot/support/kconfig/merge_config.sh",
        "#!/bin/sh\n# fake: -m -O DIR FILES...: concatenate\n\
         [ \"$CONFIG_\" = BR2_ ] || { echo 'CONFIG_ is not BR2_' >&2; exit 1; }\n\
         shift; dir=$2; shift 2; cat \"$@\" > \"$dir/.config\"\n",
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&merge, std::fs::Permissions::from_mode(0o755)).unwrap();
    s.write(
        "buildroot/Makefile",
        "# fake: olddefconfig drops BR2_PACKAGE_NEEDS_WHAT_IS_OFF\n\
         olddefconfig:\n\
         \tgrep -v '^BR2_PACKAGE_NEEDS_WHAT_IS_OFF=' $(O)/.config > $(O)/.config.new; mv $(O)/.config.new $(O)/.config\n\
         show-info:\n\
         \t@echo fake-show-info $(BR2_EXTERNAL) $(LKMC_LINUX_ARCH)\n\
         fail:\n\
         \t@exit 3\n\
         lkmc-overlay-rebuild lkmc-userland-rebuild:\n\
         \t@echo rebuilt $@\n\
         all:\n\
         \t@printf '\\033[7m>>> host-m4 1.4.19 Installing to host directory\\033[27m\\n'\n\
         \t@printf '\\033[7m>>> zlib 1.3.1 Downloading\\033[27m\\n'\n\
         \t@echo '--2026-01-01 00:00:00--  https://zlib.net/zlib-1.3.1.tar.xz'\n\
         \t@echo 'wget: unable to resolve host address'\n\
         \t@exit 1\n",
    );

    let out = build(
        &s,
        &tree,
        &[
            "--buildroot-config",
            "BR2_PACKAGE_NEEDS_WHAT_IS_OFF=y",
            "--buildroot-config",
            "BR2_PACKAGE_STRACE=y",
            "buildroot",
            "--",
            "show-info",
        ],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("Kconfig dropped 1 requested option"), "{err}");
    assert!(
        err.contains("BR2_PACKAGE_NEEDS_WHAT_IS_OFF: asked y (by --buildroot-config), got not set"),
        "{err}"
    );
    assert!(!err.contains("BR2_PACKAGE_STRACE"), "{err}");
    assert!(
        !text(&out.stdout).contains("fake-show-info"),
        "nothing built after a refusal"
    );

    // Without it, the .config holds lkmc's settings and the user's line, and
    // the target after -- runs in the foreground with lkmc's make variables.
    let out = build(
        &s,
        &tree,
        &[
            "--buildroot-config",
            "BR2_PACKAGE_STRACE=y",
            "buildroot",
            "--",
            "show-info",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        format!("fake-show-info {ROOT}/buildroot_external arm64")
    );
    let config = dot_config(&s);
    assert!(config.contains("BR2_aarch64=y\n"), "{config}");
    assert!(config.contains("BR2_PACKAGE_LKMC_MODULES=y\n"), "{config}");
    assert!(config.contains("BR2_PACKAGE_STRACE=y\n"), "{config}");
    let dl = s.path("out/buildroot/download");
    assert!(
        config.contains(&format!("BR2_DL_DIR=\"{}\"\n", dl.display())),
        "{config}"
    );
    assert!(dl.is_dir());

    // A target of the user's that fails: make's exit status, and what to do.
    let out = build(&s, &tree, &["buildroot", "--", "fail"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("Buildroot's make fail failed (exit status 2)"),
        "{err}"
    );

    // The whole build (the kernel is not built: lkmc's modules left out),
    // whose download fails: package, file, URL and where to put it, then
    // the failing command and the log's tail.
    let out = build(
        &s,
        &tree,
        &[
            "--buildroot-config",
            "# BR2_PACKAGE_LKMC_MODULES is not set",
            "buildroot",
        ],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        "Buildroot could not download package zlib 1.3.1, file zlib-1.3.1.tar.xz",
        "tried: https://zlib.net/zlib-1.3.1.tar.xz",
        &format!("put zlib-1.3.1.tar.xz in {}/zlib ", dl.display()),
        "--buildroot-primary-site URL",
        "--buildroot-override zlib=DIR",
        "lkmc-overlay-rebuild",
        "wget: unable to resolve host address",
    ] {
        assert!(err.contains(want), "{want:?} not in:\n{err}");
    }
    assert!(!err.contains("lkmc-modules-rebuild"), "{err}");
    let log = std::fs::read_to_string(s.path("out/buildroot/build/default/aarch64/lkmc/build.log"))
        .unwrap();
    assert!(log.contains("rebuilt lkmc-userland-rebuild"), "{log}");
    assert!(
        !s.path("out/buildroot/build/default/aarch64/images")
            .exists()
    );

    // A qcow2 written after lkmc made it (lkmc run --disk-persist) is the
    // user's: --clean refuses; the build dir goes once it is lkmc's again.
    let dir = s.path("out/buildroot/build/default/aarch64");
    s.write(
        "out/buildroot/build/default/aarch64/lkmc/qcow2_stamp",
        "1 None\n",
    );
    s.write(
        "out/buildroot/build/default/aarch64/images/rootfs.ext2.qcow2",
        "the user's work",
    );
    let out = build(&s, &tree, &["--clean", "buildroot"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("images/rootfs.ext2.qcow2 was changed after lkmc built it"),
        "{err}"
    );
    assert!(dir.join("images/rootfs.ext2.qcow2").is_file());
    std::fs::remove_file(dir.join("lkmc/qcow2_stamp")).unwrap();
    let out = build(&s, &tree, &["--clean", "buildroot"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!dir.exists());
    assert!(dl.is_dir(), "the shared download dir stays");
}

/// Runs only with a real Buildroot tree (LKMC_BUILDROOT_SOURCE_DIR=DIR);
/// prints "skipped" and checks nothing otherwise.
#[test]
fn real_buildroot_offline_steps_skipped_unless_lkmc_buildroot_source_dir_is_set() {
    let Some(tree) = std::env::var_os("LKMC_BUILDROOT_SOURCE_DIR").map(PathBuf::from) else {
        eprintln!(
            "skipped: real_buildroot_offline_steps: set LKMC_BUILDROOT_SOURCE_DIR to a Buildroot \
             tree (configs/sources.toml's release) to run it; nothing was checked"
        );
        return;
    };
    let s = Scratch::new("real");
    // An option that does not exist: refused, named. C++ turned off, which
    // lkmc's userland and GDB depend on: Kconfig turns those defaults of
    // lkmc's off, and lkmc says so (the user asked for it).
    let out = build(
        &s,
        &tree,
        &[
            "--buildroot-config",
            "BR2_PACKAGE_LKMC_NO_SUCH_THING=y",
            "--buildroot-config",
            "# BR2_TOOLCHAIN_BUILDROOT_CXX is not set",
            "buildroot",
            "--",
            "-s",
            "printvars",
            "VARS=BUSYBOX_VERSION",
        ],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("Kconfig dropped 1 requested option"), "{err}");
    assert!(
        err.contains("your Buildroot options changed 2 of lkmc's defaults"),
        "{err}"
    );
    assert!(err.contains("BR2_PACKAGE_GDB: asked y (by "), "{err}");
    assert!(
        err.contains(
            "BR2_PACKAGE_LKMC_NO_SUCH_THING: asked y (by --buildroot-config), got not set"
        ),
        "{err}"
    );
    assert!(
        err.contains("BR2_PACKAGE_LKMC_USERLAND: asked y (by "),
        "{err}"
    );

    // lkmc's config survives whole; printvars and show-info see lkmc's
    // packages from its BR2_EXTERNAL tree.
    let frag = s.write("strace.config", "BR2_PACKAGE_STRACE=y\n");
    let out = build(
        &s,
        &tree,
        &[
            "--buildroot-config-fragment",
            frag.to_str().unwrap(),
            "--buildroot-override",
            &format!("busybox={}", s.path("buildroot-own-busybox").display()),
            "buildroot",
            "--",
            "-s",
            "printvars",
            "VARS=BUSYBOX_OVERRIDE_SRCDIR LKMC_USERLAND_SITE_METHOD",
        ],
    );
    // The override dir must exist: created after the refusal is checked.
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no such directory"), "{err}");
    std::fs::create_dir_all(s.path("buildroot-own-busybox")).unwrap();
    let out = build(
        &s,
        &tree,
        &[
            "--buildroot-config-fragment",
            frag.to_str().unwrap(),
            "--buildroot-override",
            &format!("busybox={}", s.path("buildroot-own-busybox").display()),
            "buildroot",
            "--",
            "-s",
            "printvars",
            "VARS=BUSYBOX_OVERRIDE_SRCDIR LKMC_USERLAND_SITE_METHOD",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let vars = text(&out.stdout);
    assert!(
        vars.contains(&format!(
            "BUSYBOX_OVERRIDE_SRCDIR={}",
            s.path("buildroot-own-busybox").display()
        )),
        "{vars}"
    );
    assert!(vars.contains("LKMC_USERLAND_SITE_METHOD=local"), "{vars}");
    let config = dot_config(&s);
    for want in [
        "BR2_aarch64=y\n",
        "BR2_TOOLCHAIN_BUILDROOT_GLIBC=y\n",
        "BR2_KERNEL_HEADERS_6_1=y\n",
        "# BR2_LINUX_KERNEL is not set\n",
        "BR2_TARGET_ROOTFS_EXT2_4=y\n",
        "BR2_TARGET_ROOTFS_CPIO=y\n",
        "BR2_PACKAGE_LKMC_OVERLAY=y\n",
        "BR2_PACKAGE_LKMC_MODULES=y\n",
        "BR2_PACKAGE_LKMC_USERLAND=y\n",
        "BR2_PACKAGE_STRACE=y\n",
    ] {
        assert!(config.contains(want), "{want:?} not in the .config");
    }

    let out = build(
        &s,
        &tree,
        &[
            "--buildroot-config-fragment",
            frag.to_str().unwrap(),
            "buildroot",
            "--",
            "-s",
            "show-info",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = text(&out.stdout);
    for pkg in [
        "\"lkmc-overlay\"",
        "\"lkmc-modules\"",
        "\"lkmc-userland\"",
        "\"strace\"",
    ] {
        assert!(info.contains(pkg), "show-info has no {pkg}");
    }
    assert!(!info.contains("\"linux\":"), "Buildroot's kernel is off");
}
